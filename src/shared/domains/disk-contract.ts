/** The `disk.*` operations and this domain's streams; `contract.ts` joins them with the rest. */
import { z } from 'zod';
import {
  CleanupInputSchema,
  CleanupPlanSchema,
  CleanupResultSchema,
  CleanupSelectionSchema,
  DiskUsageSchema,
  ImageDiskSchema,
  ImageHistoryInputSchema,
  ImageLayerSchema,
  ImagesInputSchema,
  RemoveImagesInputSchema,
  RemoveImagesResultSchema,
} from '../schemas/disk';

export const diskOperations = {
  /** `docker system df`: the four totals and what is behind them (slow on big hosts: sizes every volume). */
  'disk.usage': { input: z.undefined(), output: DiskUsageSchema },
  /** `docker images`: sizes and who uses each image, without the engine's shared sizes. */
  'disk.images': { input: ImagesInputSchema, output: z.array(ImageDiskSchema) },
  /** `docker history`: an image's layers with the instruction behind each. */
  'disk.imageHistory': { input: ImageHistoryInputSchema, output: z.array(ImageLayerSchema) },
  /** Removes the chosen images (with all their tags); none that a container uses. */
  'disk.removeImages': { input: RemoveImagesInputSchema, output: RemoveImagesResultSchema },
  /** Lists what a clean-up of the chosen kinds would remove and free, under a token. */
  'disk.planCleanup': { input: CleanupSelectionSchema, output: CleanupPlanSchema },
  /** Removes exactly what the plan of `token` listed, once confirmed. */
  'disk.cleanup': { input: CleanupInputSchema, output: CleanupResultSchema },
} as const;
export const diskStreams = {} as const;
