/** Cuts to at most `bytes` of UTF-8 without splitting a character, saying how long it was. */
export function truncateUtf8(text: string, bytes: number): string {
  const encoded = Buffer.from(text, "utf8");
  if (encoded.length <= bytes) return text;
  const cut = encoded.subarray(0, bytes).toString("utf8").replace(/\uFFFD+$/, "");
  return `${cut}… (${encoded.length} bytes in all)`;
}
