/**
 * `<base>models/kit.json`, written at build time: whether the site carries the kit's own trained
 * model (`npm run model` puts it in public/models/kit/, never committed) and where. Pages read
 * this small file, which always exists, instead of probing for the model and logging a 404.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** What `models/kit.json` says: the model's path under `models/`, or null when the site has none. */
export interface KitModelIndex {
  model: string | null;
}

export function GET(): Response {
  // KIT_MODEL=off (the end-to-end build) leaves the model out whatever public/ holds, so that the
  // tests see a site without one unless they serve one themselves.
  const present =
    process.env.KIT_MODEL !== 'off' && existsSync(join(process.cwd(), 'public', 'models', 'kit', 'model.json'));
  const index: KitModelIndex = { model: present ? 'kit/model.json' : null };
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json' } });
}
