/**
 * Recognizes the web UIs ML stacks publish, from a container's image and the port inside it, so a
 * service card can say "JupyterLab" instead of "8888→8888". Pure: used by main and the renderer.
 */
export interface MlLinkRule {
  label: string;
  /** Matched against the image name without registry and tag, e.g. `jupyter/pytorch-notebook`. */
  image: RegExp;
  /** Container port the UI listens on by default. */
  ports: number[];
  /** Path to open, e.g. `/docs` for OpenAPI servers. */
  path?: string;
}

export const ML_LINK_RULES: MlLinkRule[] = [
  { label: 'JupyterLab', image: /jupyter|notebook/, ports: [8888] },
  { label: 'MLflow', image: /mlflow/, ports: [5000] },
  { label: 'TensorBoard', image: /tensorboard|tensorflow/, ports: [6006] },
  { label: 'Grafana', image: /grafana\/grafana|(^|\/)grafana$/, ports: [3000] },
  { label: 'Prometheus', image: /prometheus/, ports: [9090] },
  { label: 'vLLM API docs', image: /vllm/, ports: [8000], path: '/docs' },
  { label: 'Text Generation Inference docs', image: /text-generation-inference/, ports: [80], path: '/docs' },
  { label: 'Gradio', image: /gradio/, ports: [7860] },
  { label: 'Streamlit', image: /streamlit/, ports: [8501] },
  { label: 'Label Studio', image: /label-studio/, ports: [8080] },
  { label: 'MinIO console', image: /minio\/minio|(^|\/)minio$/, ports: [9001] },
  { label: 'Open WebUI', image: /open-webui/, ports: [8080] },
  { label: 'Ray dashboard', image: /rayproject\/ray|(^|\/)ray(-ml)?$/, ports: [8265] },
];

/** `ghcr.io/mlflow/mlflow:v2.17` → `mlflow/mlflow`; `quay.io/jupyter/pytorch-notebook@sha256:…` → `jupyter/pytorch-notebook`. */
export function imageRepository(image: string): string {
  const withoutDigest = image.split('@')[0]!;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const lastColon = withoutDigest.lastIndexOf(':');
  const withoutTag = lastColon > lastSlash ? withoutDigest.slice(0, lastColon) : withoutDigest;
  const parts = withoutTag.split('/');
  const hasRegistry = parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!);
  return (hasRegistry ? parts.slice(1) : parts).join('/').toLowerCase();
}

export interface PublishedPort {
  hostIp: string;
  hostPort: number;
  containerPort: number;
}

export interface MlLink {
  label: string;
  url: string;
}

function hostFor(hostIp: string): string {
  if (hostIp === '' || hostIp === '0.0.0.0' || hostIp === '::') return 'localhost';
  return hostIp.includes(':') ? `[${hostIp}]` : hostIp;
}

/** Named links for the published ports a rule recognizes; `query` adds e.g. Jupyter's `?token=`. */
export function mlLinksFor(image: string, ports: PublishedPort[], query: Record<string, string> = {}): MlLink[] {
  const repository = imageRepository(image);
  const links: MlLink[] = [];
  for (const rule of ML_LINK_RULES) {
    if (!rule.image.test(repository)) continue;
    const port = ports.find((candidate) => rule.ports.includes(candidate.containerPort));
    if (!port) continue;
    const search = new URLSearchParams(query).toString();
    const url = `http://${hostFor(port.hostIp)}:${port.hostPort}${rule.path ?? '/'}${search ? `?${search}` : ''}`;
    if (!links.some((link) => link.url === url)) links.push({ label: rule.label, url });
  }
  return links;
}

/** Jupyter prints `http://127.0.0.1:8888/lab?token=abc…` on start; the last token printed wins. */
export function jupyterTokenFromLogs(lines: Iterable<string>): string | null {
  let token: string | null = null;
  for (const line of lines) {
    for (const match of line.matchAll(/[?&]token=([A-Za-z0-9_-]+)/g)) token = match[1]!;
  }
  return token;
}
