/**
 * Members' PINs for the phone pages: six digits the desk reads out or prints for a member, who may be in
 * their eighties and types them on a parent's phone. Six digits are short for a secret, which is why
 * sign-in counts wrong PINs per member number by the day as well as by ten minutes (service.ts), and why a
 * PIN is shown once and stored only as a slow salted hash (the staff passwords' scrypt, auth/password.ts).
 */
import { randomInt } from 'node:crypto';

export const PIN_LENGTH = 6;
export const PIN_PATTERN = `^[0-9]{${PIN_LENGTH}}$`;

/** Uniform over 000000–999999 (crypto.randomInt, not Math.random: the PIN is the member's only secret). */
export function newPin(): string {
  return String(randomInt(0, 10 ** PIN_LENGTH)).padStart(PIN_LENGTH, '0');
}

/** The key the sign-in limits count a member number under: as the member search compares them (any case, no edge spaces). */
export function memberNoKey(memberNo: string): string {
  return memberNo.trim().toUpperCase();
}
