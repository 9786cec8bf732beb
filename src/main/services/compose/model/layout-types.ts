/**
 * The typed model the decoder writes for each top-level layout of go-layout.ts. The checks below fail to compile
 * when an interface and its layout disagree on a field name, so the decoder's output is what the types say.
 */
import type { LayoutFields } from './go-layout';
import type { FileObjectConfig, NetworkConfig, VolumeConfig } from './resources';
import type { ComposeService } from './service';

export interface LayoutTypes {
  Service: ComposeService;
  Network: NetworkConfig;
  TopVolume: VolumeConfig;
  FileObject: FileObjectConfig;
}

type SameKeys<A, B> = [Exclude<A, B> | Exclude<B, A>] extends [never] ? true : [Exclude<A, B> | Exclude<B, A>];
type Assert<T extends true> = T;

export type LayoutTypeChecks = [
  Assert<SameKeys<keyof ComposeService, LayoutFields<'Service'>>>,
  Assert<SameKeys<keyof NetworkConfig, LayoutFields<'Network'>>>,
  Assert<SameKeys<keyof VolumeConfig, LayoutFields<'TopVolume'>>>,
  Assert<SameKeys<keyof FileObjectConfig, LayoutFields<'FileObject'>>>,
];
