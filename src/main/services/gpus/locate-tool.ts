import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

/** Where NVIDIA puts nvidia-smi when it is not on PATH: WSL2 maps the Windows driver's copy here. */
export const NVIDIA_SMI_FALLBACKS: Record<string, readonly string[]> = {
  linux: ['/usr/lib/wsl/lib/nvidia-smi', '/usr/bin/nvidia-smi'],
  win32: ['C:\\Windows\\System32\\nvidia-smi.exe', 'C:\\Program Files\\NVIDIA Corporation\\NVSMI\\nvidia-smi.exe'],
};

export interface LocateOptions {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Absolute paths tried after PATH. */
  fallbacks?: readonly string[];
}

async function isExecutable(path: string, platform: NodeJS.Platform): Promise<boolean> {
  try {
    await access(path, platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The absolute path of `name` on PATH (with PATHEXT on Windows) or among `fallbacks`; null when absent. */
export async function locateTool(name: string, options: LocateOptions): Promise<string | null> {
  const pathValue = options.env.PATH ?? options.env.Path ?? '';
  const extensions =
    options.platform === 'win32' ? ['', ...(options.env.PATHEXT ?? '.EXE;.CMD;.BAT').toLowerCase().split(';')] : [''];
  for (const dir of pathValue.split(options.platform === 'win32' ? ';' : delimiter)) {
    if (!dir) continue;
    for (const extension of extensions) {
      const candidate = join(dir, name + extension);
      if (await isExecutable(candidate, options.platform)) return candidate;
    }
  }
  for (const candidate of options.fallbacks ?? []) {
    if (await isExecutable(candidate, options.platform)) return candidate;
  }
  return null;
}
