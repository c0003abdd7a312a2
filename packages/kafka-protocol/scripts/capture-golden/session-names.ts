/** Each client gets its own topic and group, so one client's session never sees another's data. */
export interface SessionNames {
  topic: string;
  group: string;
}

export function sessionNamesFor(client: string): SessionNames {
  return { topic: `golden-${client}`, group: `golden-${client}-group` };
}
