import type { Systeminformation } from 'systeminformation';
import type { GpuDevice, GpuVendor } from '@shared/schemas/gpu';

/** The fields of systeminformation's `graphics().controllers` entries that Berth reads. */
export type GraphicsController = Pick<
  Systeminformation.GraphicsControllerData,
  'vendor' | 'model' | 'bus' | 'vram' | 'vramDynamic'
> &
  Partial<Pick<Systeminformation.GraphicsControllerData, 'name' | 'busAddress' | 'pciBus' | 'driverVersion'>>;

// NVIDIA and AMD GPUs come from their own probes (nvidia-smi; sysfs and rocm-smi), with more detail.
const VENDOR_WITH_OWN_PROBE = /nvidia|advanced micro devices|\bamd\b|\bati\b|radeon/i;

/**
 * Display adapters that cannot run a compute workload and would only mislead on a GPU page: the emulated VGA of
 * hypervisors (QEMU/Bochs, Cirrus, QXL and virtio from Red Hat, VMware SVGA, VirtualBox, Hyper-V, Parallels),
 * server BMC framebuffers (ASPEED, Matrox G200) and Windows' software renderer. A VM with a passed-through GPU
 * shows that GPU under its real vendor, so it still counts.
 */
const DISPLAY_ONLY_ADAPTER =
  /cirrus|vmware|svga|qxl|virtio|bochs|qemu|1234:1111|red hat|virtualbox|innotek|hyper-v|parallels|aspeed|matrox|basic render|basic display/i;

function vendorOf(vendor: string, model: string): GpuVendor {
  const text = `${vendor} ${model}`;
  if (/apple/i.test(text)) return 'apple';
  if (/intel/i.test(text)) return 'intel';
  return 'other';
}

/**
 * Integrated GPUs (Apple's unified memory, Intel's onboard graphics) use the computer's RAM: what
 * systeminformation reports for them is a shared allowance or, from lspci, the size of a PCI memory window.
 */
function ownMemoryMiB(controller: GraphicsController): number | null {
  const integrated = controller.vramDynamic || controller.bus === 'Onboard' || controller.bus === 'Built-In';
  return !integrated && controller.vram ? controller.vram : null;
}

/** Apple and Intel (and other vendors') GPUs among systeminformation's graphics controllers. */
export function gpusFromGraphicsControllers(controllers: readonly GraphicsController[]): GpuDevice[] {
  const gpus: GpuDevice[] = [];
  for (const controller of controllers) {
    const vendor = controller.vendor?.trim() ?? '';
    const model = (controller.model || controller.name || '').trim();
    const text = `${vendor} ${model}`;
    if (!vendor && !model) continue;
    if (VENDOR_WITH_OWN_PROBE.test(text) || DISPLAY_ONLY_ADAPTER.test(text)) continue;
    const pciBusId = controller.busAddress || controller.pciBus || null;
    const index = gpus.length;
    gpus.push({
      id: pciBusId ?? `system-${index}`,
      vendor: vendorOf(vendor, model),
      index,
      uuid: null,
      name: model || vendor,
      pciBusId,
      driverVersion: controller.driverVersion || null,
      memoryTotalMiB: ownMemoryMiB(controller),
      computeCapability: null,
      migEnabled: null,
      migDevices: [],
      driverModel: null,
      metrics: null,
    });
  }
  return gpus;
}
