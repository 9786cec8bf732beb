/** `com.docker.compose.config-hash` comes from the loader (compose/hash), which keeps Go's field order. */
export { configHash } from '../hash/config-hash';
