/** Top-level networks, volumes, secrets and configs as `docker compose config --format json` prints them. */
import type { StringMap } from './service';

export interface IpamPoolConfig {
  subnet?: string;
  gateway?: string;
  ip_range?: string;
  aux_addresses?: StringMap;
}

export interface NetworkConfig {
  name?: string;
  driver?: string;
  driver_opts?: StringMap;
  /** Always written (Go struct value), `{}` when empty. */
  ipam?: { driver?: string; config?: IpamPoolConfig[] };
  external?: boolean;
  internal?: boolean;
  attachable?: boolean;
  labels?: StringMap;
  enable_ipv4?: boolean;
  enable_ipv6?: boolean;
}

export interface VolumeConfig {
  name?: string;
  driver?: string;
  driver_opts?: StringMap;
  external?: boolean;
  labels?: StringMap;
}

/** A secret or a config. */
export interface FileObjectConfig {
  name?: string;
  file?: string;
  environment?: string;
  content?: string;
  external?: boolean;
  labels?: StringMap;
  driver?: string;
  driver_opts?: StringMap;
  template_driver?: string;
}
