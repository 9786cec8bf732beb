/**
 * The Engine API's swarm objects as Berth writes and reads them (JSON field names of API 1.41+). dockerode's own
 * typings miss or misspell some of these (`Healthcheck`, `NamedResourceSpec`), so the shapes used live here.
 */

export type StringMap = Record<string, string>;

export interface GenericResource {
  NamedResourceSpec?: { Kind: string; Value: string };
  DiscreteResourceSpec?: { Kind: string; Value: number };
}

export interface MountSpec {
  Type: string;
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  Consistency?: string;
  BindOptions?: { Propagation?: string };
  VolumeOptions?: { NoCopy?: boolean; Labels?: StringMap; DriverConfig?: { Name?: string; Options?: StringMap } };
  TmpfsOptions?: { SizeBytes?: number; Mode?: number };
}

export interface FileTarget {
  Name: string;
  UID: string;
  GID: string;
  Mode: number;
}

export interface SecretReference {
  File: FileTarget;
  SecretID?: string;
  SecretName: string;
}

export interface ConfigReference {
  File: FileTarget;
  ConfigID?: string;
  ConfigName: string;
}

export interface HealthConfig {
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

export interface ContainerSpec {
  Image: string;
  Labels?: StringMap;
  Command?: string[];
  Args?: string[];
  Hostname?: string;
  Env?: string[];
  Dir?: string;
  User?: string;
  Mounts?: MountSpec[];
  StopGracePeriod?: number;
  StopSignal?: string;
  Healthcheck?: HealthConfig;
  Hosts?: string[];
  DNSConfig?: { Nameservers?: string[]; Search?: string[] };
  Secrets?: SecretReference[];
  Configs?: ConfigReference[];
  TTY?: boolean;
  OpenStdin?: boolean;
  ReadOnly?: boolean;
  Init?: boolean;
  Isolation?: string;
  Sysctls?: StringMap;
  CapabilityAdd?: string[];
  CapabilityDrop?: string[];
  Ulimits?: { Name: string; Soft: number; Hard: number }[];
  OomScoreAdj?: number;
  Privileges?: { CredentialSpec: unknown; SELinuxContext: unknown };
}

export interface RestartPolicy {
  Condition?: string;
  Delay?: number;
  MaxAttempts?: number;
  Window?: number;
}

export interface Placement {
  Constraints?: string[];
  Preferences?: { Spread: { SpreadDescriptor: string } }[];
  MaxReplicas?: number;
  Platforms?: { Architecture?: string; OS?: string }[];
}

export interface ResourceRequirements {
  Limits?: { NanoCPUs?: number; MemoryBytes?: number; Pids?: number };
  Reservations?: { NanoCPUs?: number; MemoryBytes?: number; GenericResources?: GenericResource[] };
}

export interface NetworkAttachment {
  Target: string;
  Aliases?: string[];
  DriverOpts?: StringMap;
}

export interface TaskSpec {
  ContainerSpec: ContainerSpec;
  Resources?: ResourceRequirements;
  RestartPolicy?: RestartPolicy;
  Placement?: Placement;
  Networks?: NetworkAttachment[];
  LogDriver?: { Name?: string; Options?: StringMap };
  ForceUpdate?: number;
  Runtime?: string;
}

export interface UpdateConfig {
  Parallelism: number;
  Delay?: number;
  FailureAction?: string;
  Monitor?: number;
  MaxFailureRatio?: number;
  Order?: string;
}

export interface PortConfig {
  Protocol?: string;
  TargetPort: number;
  PublishedPort?: number;
  PublishMode?: string;
}

export interface ServiceMode {
  Replicated?: { Replicas?: number };
  Global?: Record<string, never>;
  ReplicatedJob?: { MaxConcurrent?: number; TotalCompletions?: number };
  GlobalJob?: Record<string, never>;
}

export interface ServiceSpec {
  Name: string;
  Labels: StringMap;
  TaskTemplate: TaskSpec;
  Mode: ServiceMode;
  UpdateConfig?: UpdateConfig;
  RollbackConfig?: UpdateConfig;
  EndpointSpec?: { Mode?: string; Ports?: PortConfig[] };
}

export interface NetworkCreateSpec {
  Name: string;
  Driver: string;
  Labels: StringMap;
  Options?: StringMap;
  Internal?: boolean;
  Attachable?: boolean;
  IPAM?: { Driver?: string; Config?: { Subnet?: string }[] };
}

/** A secret or a config: the API takes the content base64-encoded in `Data`. */
export interface FileObjectSpec {
  Name: string;
  Labels: StringMap;
  /** base64 */
  Data: string;
  Driver?: { Name: string; Options?: StringMap };
  Templating?: { Name: string };
}

/** What the engine returns for a service (the parts Berth reads). */
export interface SwarmService {
  ID: string;
  Version: { Index: number };
  CreatedAt?: string;
  UpdatedAt?: string;
  Spec: ServiceSpec;
  PreviousSpec?: ServiceSpec;
  UpdateStatus?: { State?: string; StartedAt?: string; CompletedAt?: string; Message?: string };
  ServiceStatus?: { RunningTasks: number; DesiredTasks: number; CompletedTasks?: number };
  Endpoint?: { Ports?: PortConfig[] };
}

export interface SwarmTask {
  ID: string;
  ServiceID: string;
  NodeID?: string;
  Slot?: number;
  Labels?: StringMap;
  Spec: TaskSpec;
  DesiredState: string;
  CreatedAt?: string;
  UpdatedAt?: string;
  Status: {
    Timestamp?: string;
    State: string;
    Message?: string;
    Err?: string;
    ContainerStatus?: { ContainerID?: string; PID?: number; ExitCode?: number };
    PortStatus?: { Ports?: PortConfig[] };
  };
}

export interface SwarmNode {
  ID: string;
  Version: { Index: number };
  Spec: { Name?: string; Labels?: StringMap; Role: string; Availability: string };
  Description: {
    Hostname: string;
    Platform?: { Architecture?: string; OS?: string };
    Resources?: { NanoCPUs?: number; MemoryBytes?: number; GenericResources?: GenericResource[] };
    Engine?: { EngineVersion?: string; Labels?: StringMap };
  };
  Status: { State: string; Message?: string; Addr?: string };
  ManagerStatus?: { Leader?: boolean; Reachability?: string; Addr?: string };
}

export interface SwarmFileObject {
  ID: string;
  Version: { Index: number };
  Spec: { Name: string; Labels?: StringMap; Data?: string };
}
