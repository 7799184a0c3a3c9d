/**
 * Radios: the receiver's noise (thermal density plus a noise figure), a path-loss law, the
 * bandwidth each server shares (9e), the users' maximum transmit power and the cell size. The
 * `paper` radio is the paper's §5; the others are 3GPP TR 38.901 street-canyon micro cells (UMi)
 * and macro cells (UMa) at 3.5 GHz, line of sight or not. Figures from
 * /work/shared/reference/hardware-and-models.md §5.
 */
import { dbmToW } from '../../model/channel.ts';
import { derived, sourced, type Sourced } from './sourced.ts';

export type PathLossProfile =
  | {
      readonly model: 'paper';
      readonly at1KmDb: Sourced;
      readonly perDecadeDb: Sourced;
      readonly minDistanceM: Sourced;
    }
  | {
      readonly model: 'umi' | 'uma';
      readonly los: boolean;
      readonly carrierHz: Sourced;
      readonly bsHeightM: Sourced;
      readonly utHeightM: Sourced;
      readonly minDistanceM: Sourced;
    };

export interface RadioProfile {
  readonly name: string;
  readonly label: string;
  /** Thermal noise density at the receiver (the server), before its noise figure. */
  readonly noiseDbmPerHz: Sourced;
  readonly noiseFigureDb: Sourced;
  readonly pathLoss: PathLossProfile;
  /** b_m^max, shared by a server's users. */
  readonly bandwidthHz: Sourced;
  /** p_n^max drawn uniformly in [lo, hi]. */
  readonly ueMaxPowerW: readonly [Sourced, Sourced];
  /** Side of the square area: fixed, or one inter-site distance per √(servers). */
  readonly area: { readonly sideM: Sourced } | { readonly interSiteM: Sourced };
}

const PAPER = 'Liu & Zhao, MobiHoc 2024, §5 (MODEL.md §1)';
const THERMAL = sourced(-173.977, 'SEAMCAT wiki (ecowiki.atlassian.net pageId 493901): kT at 290 K');
const GNB_NF = sourced(5, 'jwcn-eurasipjournals 2009/314814 Table 1 (Node B noise figure 5 dB)');
const NR_BW = sourced(20e6, "TS 36.104 Table 5.6-1 (20 MHz, the widest LTE channel; the paper's b_max too)");
const PC3_DBM = sourced(23, 'TS 38.101-1/-3 §6.2: power class 3 (23 dBm), the default for handheld UEs');
const PC3_W = derived(dbmToW(PC3_DBM.value), `10^((${PC3_DBM.value} − 30)/10) W`);
const CARRIER = sourced(
  3.5e9,
  'NR band n78 (3.3–3.8 GHz, TS 38.101-1 Table 5.2-1), the usual mid-band carrier',
);
const UT_HEIGHT = sourced(1.5, 'TR 38.901 Table 7.4.1-1 (hUT = 1.5 m, street level)');
const MIN_D = sourced(10, 'TR 38.901 Table 7.4.1-1 (formulas hold for d2D ≥ 10 m)');
const NS3 = 'TR 38.901 Table 7.4.1-1 as in nsnam/ns-3-dev-git three-gpp-propagation-loss-model.cc';

const tr38901 = (model: 'umi' | 'uma', los: boolean, bsHeightM: number) => ({
  model,
  los,
  carrierHz: CARRIER,
  bsHeightM: sourced(bsHeightM, `${NS3} (hBS = ${bsHeightM} m)`),
  utHeightM: UT_HEIGHT,
  minDistanceM: MIN_D,
});
const UMI_ISD = sourced(200, 'TR 38.901 Table 7.2-1 (UMi street canyon inter-site distance 200 m)');
const UMA_ISD = sourced(500, 'TR 38.901 Table 7.2-1 (UMa inter-site distance 500 m)');
const pc3 = [PC3_W, PC3_W] as const;

export const RADIOS: readonly RadioProfile[] = [
  {
    name: 'paper',
    label: "the paper's: −134 dBm/Hz, 128.1 + 37.6·log10(d_km), 20 MHz, 1–2 W, 1000 m square",
    noiseDbmPerHz: sourced(-134, `${PAPER}, read as a density as MODEL.md states it (40 dB above kT)`),
    noiseFigureDb: sourced(0, 'the paper gives one total noise figure'),
    pathLoss: {
      model: 'paper',
      at1KmDb: sourced(128.1, PAPER),
      perDecadeDb: sourced(37.6, PAPER),
      minDistanceM: sourced(10, '[mecsim] clamp (src/model/channel.ts)'),
    },
    bandwidthHz: sourced(20e6, PAPER),
    ueMaxPowerW: [sourced(1, PAPER), sourced(2, PAPER)],
    area: { sideM: sourced(1000, '[mecsim] (the paper gives no area)') },
  },
  {
    name: 'umi',
    label: 'TR 38.901 UMi street canyon, NLOS, 3.5 GHz, hBS 10 m, ISD 200 m, 20 MHz, UE 23 dBm',
    noiseDbmPerHz: THERMAL,
    noiseFigureDb: GNB_NF,
    pathLoss: tr38901('umi', false, 10),
    bandwidthHz: NR_BW,
    ueMaxPowerW: pc3,
    area: { interSiteM: UMI_ISD },
  },
  {
    name: 'umi-los',
    label: 'TR 38.901 UMi street canyon, LOS, 3.5 GHz, hBS 10 m, ISD 200 m, 20 MHz, UE 23 dBm',
    noiseDbmPerHz: THERMAL,
    noiseFigureDb: GNB_NF,
    pathLoss: tr38901('umi', true, 10),
    bandwidthHz: NR_BW,
    ueMaxPowerW: pc3,
    area: { interSiteM: UMI_ISD },
  },
  {
    name: 'uma',
    label: 'TR 38.901 UMa, NLOS, 3.5 GHz, hBS 25 m, ISD 500 m, 20 MHz, UE 23 dBm',
    noiseDbmPerHz: THERMAL,
    noiseFigureDb: GNB_NF,
    pathLoss: tr38901('uma', false, 25),
    bandwidthHz: NR_BW,
    ueMaxPowerW: pc3,
    area: { interSiteM: UMA_ISD },
  },
  {
    name: 'uma-los',
    label: 'TR 38.901 UMa, LOS, 3.5 GHz, hBS 25 m, ISD 500 m, 20 MHz, UE 23 dBm',
    noiseDbmPerHz: THERMAL,
    noiseFigureDb: GNB_NF,
    pathLoss: tr38901('uma', true, 25),
    bandwidthHz: NR_BW,
    ueMaxPowerW: pc3,
    area: { interSiteM: UMA_ISD },
  },
];

/** Noise density plus noise figure, in dBm/Hz (kT + 5 dB = −168.977 dBm/Hz). */
export function receiverNoiseDbmPerHz(r: RadioProfile): Sourced {
  return derived(
    r.noiseDbmPerHz.value + r.noiseFigureDb.value,
    `${r.noiseDbmPerHz.value} dBm/Hz + ${r.noiseFigureDb.value} dB`,
  );
}

/** The area side for M servers: fixed, or ISD·√M (one cell of ISD² per server). */
export function areaSideM(r: RadioProfile, servers: number): Sourced {
  if ('sideM' in r.area) return r.area.sideM;
  const isd = r.area.interSiteM.value;
  return derived(isd * Math.sqrt(servers), `${isd} m × √${servers}`);
}
