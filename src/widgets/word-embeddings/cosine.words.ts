/** The words of <kit-cosine> (./cosine.ts), in each edition. Numbers come in already formatted. */
import { words } from '../../i18n/words';

export const COSINE_WORDS = words(
  {
    planeLabel: 'The plane: drag near the tip of a or b to move it',
    plotLabel: 'Two vectors a and b in the plane',
    plotDescription: (a: string, b: string, angle: string, cos: string) =>
      `a = ${a}, b = ${b}: angle ${angle} degrees, cosine ${cos}.`,
    zeroVector: '0 (a zero vector has no direction)',
  },
  {
    planeLabel: '平面：在 a 或 b 的箭头末端附近拖动即可移动它',
    plotLabel: '平面上的两个向量 a 和 b',
    plotDescription: (a, b, angle, cos) => `a = ${a}，b = ${b}：夹角 ${angle} 度，余弦值 ${cos}。`,
    zeroVector: '0（零向量没有方向）',
  },
);
