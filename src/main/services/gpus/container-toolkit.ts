import { locateTool } from './locate-tool';

/** Programs of the NVIDIA Container Toolkit; Docker's `--gpus` needs the hook, `nvidia-ctk` ships with it. */
const TOOLKIT_PROGRAMS = ['nvidia-container-runtime-hook', 'nvidia-ctk', 'nvidia-container-runtime'];

/** Whether the toolkit is on this machine's PATH; only meaningful when the engine runs on this machine. */
export async function nvidiaToolkitInstalled(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Promise<boolean> {
  for (const program of TOOLKIT_PROGRAMS) {
    if (await locateTool(program, { env, platform, fallbacks: platform === 'linux' ? [`/usr/bin/${program}`] : [] }))
      return true;
  }
  return false;
}
