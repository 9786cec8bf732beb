import type { EngineEvent } from '@shared/schemas/engine';

/** One message of `GET /events`; old engines only fill `status`, `id` and `time`. */
interface RawEngineEvent {
  Type?: unknown;
  Action?: unknown;
  status?: unknown;
  id?: unknown;
  Actor?: { ID?: unknown; Attributes?: unknown };
  time?: unknown;
  timeNano?: unknown;
}

/** Maps a raw `/events` message to an EngineEvent; null when it has no action (nothing the UI can use). */
export function toEngineEvent(value: unknown): EngineEvent | null {
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as RawEngineEvent;
  const action = asString(raw.Action) || asString(raw.status);
  if (!action) return null;
  return {
    type: asString(raw.Type) || 'container',
    action,
    id: asString(raw.Actor?.ID) || asString(raw.id),
    attributes: toAttributes(raw.Actor?.Attributes),
    timeNano: toTimeNano(raw),
  };
}

function toAttributes(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  const attributes: Record<string, string> = {};
  for (const [key, attribute] of Object.entries(value)) {
    if (attribute !== null && attribute !== undefined) attributes[key] = String(attribute);
  }
  return attributes;
}

function toTimeNano(raw: RawEngineEvent): number {
  if (typeof raw.timeNano === 'number') return raw.timeNano;
  if (typeof raw.time === 'number') return raw.time * 1e9;
  return Date.now() * 1e6;
}

function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
