/** A network or volume as observed on the engine: its name, id and labels. */
export interface ObservedResource {
  name: string;
  id: string;
  labels: Record<string, string>;
}
