import { useEffect, useRef, useState } from 'react';

/**
 * The rendered size of an element, kept current with a ResizeObserver, so an SVG can be drawn at its
 * real pixel size and its text stays at the page's type size (presenter mode makes it larger).
 */
export function useElementSize<E extends Element>(): [React.RefObject<E | null>, { width: number; height: number }] {
  const ref = useRef<E | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      setSize((current) => (current.width === Math.round(width) && current.height === Math.round(height) ? current : { width: Math.round(width), height: Math.round(height) }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}
