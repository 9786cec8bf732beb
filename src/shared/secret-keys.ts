/** .env keys whose values the editor masks until revealed: tokens, keys, secrets, passwords and their kin. */
const SECRET_KEY = /(TOKEN|KEY|SECRET|PASSWORD|PASSWD|PASS$|CREDENTIAL|PRIVATE|AUTH)/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}
