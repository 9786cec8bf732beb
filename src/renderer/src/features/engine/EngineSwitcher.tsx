/** Which engine Berth drives (local, ssh, TLS), and switching between saved ones (being built). */
export function EngineSwitcher() {
  return null;
}
