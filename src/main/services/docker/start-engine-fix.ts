import type { Endpoint } from '@shared/schemas/engine';

/** How to start the engine Berth looked for, in the words of the product that provides it. */
export function startEngineFix(endpoint: Endpoint | null, platform: NodeJS.Platform): string {
  switch (endpoint?.source) {
    case 'docker-desktop':
      return startDockerDesktop(platform);
    case 'colima':
      return 'Start Colima: `colima start`.';
    case 'podman':
      return startPodman(platform);
    case 'DOCKER_HOST':
      return endpoint.local
        ? `Start the engine that listens on ${endpoint.address}, or unset DOCKER_HOST to use the default engine.`
        : `Start the engine at ${endpoint.address} and check that this machine can reach it, or unset DOCKER_HOST to use a local engine.`;
    case 'DOCKER_CONTEXT':
    case 'context':
      // An address being tried before it is saved (the Add engine dialog) has no name yet.
      if (endpoint.context === undefined) {
        return `Start the engine at ${endpoint.address} and check that this machine can reach it.`;
      }
      return (
        `Start the engine of Docker context "${endpoint.context}" (${endpoint.address}), ` +
        'or switch to another one with `docker context use default`' +
        (endpoint.source === 'DOCKER_CONTEXT' ? ' after unsetting DOCKER_CONTEXT.' : '.')
      );
    default:
      return startDefaultEngine(platform);
  }
}

/** Permission to the socket is missing: on Linux that means the user isn't in the socket's group. */
export function permissionFix(endpoint: Endpoint | null, platform: NodeJS.Platform): string {
  if (endpoint?.source === 'podman') {
    return 'Use rootless Podman instead of the root socket: `systemctl --user start podman.socket`.';
  }
  const socket = endpoint?.address.replace(/^unix:\/\//, '') ?? 'the Docker socket';
  if (platform === 'linux') {
    return (
      `Your user may not open ${socket}. Add it to the docker group: \`sudo usermod -aG docker $USER\`, ` +
      'then log out and back in (or run `newgrp docker`).'
    );
  }
  return `Your user may not open ${socket}. Check its permissions, or restart the engine.`;
}

function startDefaultEngine(platform: NodeJS.Platform): string {
  if (platform === 'darwin') {
    return 'Start Docker Desktop (`open -a Docker`), Colima (`colima start`) or Podman (`podman machine start`).';
  }
  if (platform === 'win32') return startDockerDesktop(platform);
  return (
    'Start Docker: `sudo systemctl start docker` (or run `sudo dockerd`). ' +
    'Using Docker Desktop, Colima or Podman instead? Start it; Berth finds its socket.'
  );
}

function startDockerDesktop(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Start Docker Desktop: `open -a Docker`.';
  if (platform === 'linux') return 'Start Docker Desktop: `systemctl --user start docker-desktop`.';
  return 'Start Docker Desktop.';
}

function startPodman(platform: NodeJS.Platform): string {
  if (platform === 'linux') {
    return "Start Podman's API socket: `systemctl --user start podman.socket` (or `sudo systemctl start podman.socket`).";
  }
  return 'Start the Podman machine: `podman machine start`.';
}
