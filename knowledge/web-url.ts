/** Whether a URL from a record may become a link: absolute http or https only (never javascript:, data:, …). */
export function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
