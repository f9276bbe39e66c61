/**
 * Two vectors in the plane, for the picture of cosine similarity: their angle, and an arc
 * between them to draw it.
 */
import { cosine } from './cosine.ts';

/** A 2-D vector. */
export interface Vec2 {
  x: number;
  y: number;
}

/**
 * The angle between `a` and `b` in degrees, in [0, 180]. With a zero vector it is 90: the kit
 * defines that cosine as 0 (see cosine.ts).
 */
export function angleBetween(a: Vec2, b: Vec2): number {
  return (Math.acos(cosine([a.x, a.y], [b.x, b.y])) * 180) / Math.PI;
}

/**
 * Points on the circle of `radius` around the origin from the direction of `a` to that of `b`,
 * the short way round, `steps + 1` of them; empty when either vector is zero.
 */
export function arcBetween(a: Vec2, b: Vec2, radius: number, steps = 32): Vec2[] {
  if ((a.x === 0 && a.y === 0) || (b.x === 0 && b.y === 0)) return [];
  const from = Math.atan2(a.y, a.x);
  let turn = Math.atan2(b.y, b.x) - from;
  // Take the short way: a turn of more than half a circle goes the other way round.
  if (turn > Math.PI) turn -= 2 * Math.PI;
  if (turn < -Math.PI) turn += 2 * Math.PI;
  return Array.from({ length: steps + 1 }, (_, i) => {
    const angle = from + (turn * i) / steps;
    return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
  });
}
