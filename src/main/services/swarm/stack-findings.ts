/** What Berth tells the user about a service before deploying it to Swarm, as the docker CLI warns. */
export interface StackFinding {
  service: string;
  /** The Compose property concerned, e.g. `build`, `depends_on`, `deploy.resources.reservations.devices`. */
  property: string;
  /**
   * `ignored`: Swarm has no such setting and the service deploys without it; `converted`: Berth translated it
   * (say how); `error`: the stack can't work this way and nothing is deployed.
   */
  level: 'ignored' | 'converted' | 'error';
  message: string;
}

export function describeFinding(finding: StackFinding): string {
  return `service "${finding.service}": ${finding.property}: ${finding.message}`;
}
