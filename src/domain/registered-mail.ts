// Registered-mail item numbers (UPU S10, as Canada Post prints them: RN123456785CA):
// 2 letters, 8 serial digits, 1 check digit, 2 letters (the country of origin).
const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

export function s10CheckDigit(serial8: string): number {
  if (!/^\d{8}$/.test(serial8)) throw new RangeError("an S10 serial is 8 digits");
  const sum = [...serial8].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i]!, 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/** The canonical item number (upper case, no spaces), or null if malformed or its check digit is wrong. */
export function parseTrackingNumber(input: string): string | null {
  const s = input.replace(/[\s-]+/g, "").toUpperCase();
  const m = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/.exec(s);
  if (!m) return null;
  return s10CheckDigit(m[2]!) === Number(m[3]) ? s : null;
}
