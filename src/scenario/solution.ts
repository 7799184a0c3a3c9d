/** Building solution records from the model's allocations. */
import type { Allocation } from '../model/types.ts';
import type { Solution } from './schema.ts';

/** A solution file record (version 1) for an allocation, copying its arrays. */
export function solutionFromAllocation(alloc: Allocation, algorithm: string, iterations = 0): Solution {
  return {
    version: 1,
    algorithm,
    iterations,
    association: [...alloc.association],
    localLayers: [...alloc.localLayers],
    powerW: [...alloc.powerW],
    bandwidthHz: [...alloc.bandwidthHz],
    userFreqHz: [...alloc.userFreqHz],
    edgeFreqHz: [...alloc.edgeFreqHz],
  };
}
