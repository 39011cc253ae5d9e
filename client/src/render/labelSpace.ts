// Where node labels are on the canvas during one frame, so that a label that would cover
// one already drawn is left out instead of piling up on it. sigma's label grid picks the
// candidates (a few per cell, the biggest nodes first); cells do not know their
// neighbours, and long names ("java.lang.IllegalArgumentException") reach far across
// them, so each label claims its box here first. The hovered or selected entity's label
// is drawn whatever it covers. Pure (no sigma), so jest tests it.

export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelSpace {
  /** Forgets every box: a new frame starts. */
  reset(): void;
  /** Takes the box if it overlaps none taken (or `force`); false when it was refused. */
  claim(box: LabelBox, force?: boolean): boolean;
}

/** Boxes are found through a grid of cells this wide, in CSS pixels. */
const CELL = 64;

const overlaps = (a: LabelBox, b: LabelBox) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export function createLabelSpace(): LabelSpace {
  let cells = new Map<string, LabelBox[]>();
  const cellsOf = (box: LabelBox): string[] => {
    const keys: string[] = [];
    for (let i = Math.floor(box.x / CELL); i <= Math.floor((box.x + box.width) / CELL); i++)
      for (let j = Math.floor(box.y / CELL); j <= Math.floor((box.y + box.height) / CELL); j++) keys.push(`${i},${j}`);
    return keys;
  };
  return {
    reset: () => void (cells = new Map()),
    claim(box, force = false) {
      const keys = cellsOf(box);
      if (!force && keys.some((key) => cells.get(key)?.some((taken) => overlaps(taken, box)))) return false;
      for (const key of keys) {
        const list = cells.get(key);
        if (list) list.push(box);
        else cells.set(key, [box]);
      }
      return true;
    },
  };
}
