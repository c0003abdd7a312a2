{
  "targets": [
    {
      "target_name": "crc32c",
      "sources": ["native/crc32c.c"],
      "cflags": ["-O3", "-std=c11", "-Wall", "-Wextra"],
      "xcode_settings": { "OTHER_CFLAGS": ["-O3", "-std=c11"] }
    }
  ]
}
