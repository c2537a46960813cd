/**
 * The key an outlet goes by in filter URLs (`?outlet=…`): its name in lowercase letters and digits
 * joined by dashes, so that several articles of one outlet share one key and the URL stays readable.
 */
export function outletKey(outlet: string): string {
  const key = outlet
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return key || 'outlet';
}
