import type { ContentAsset } from '../../../shared/contract/content';
import { badInput } from '../errors';
import { checkAsset } from './check-asset';
import type { ContentBrief, ContentEngine } from './content-engine';
import { contentKindList } from './kinds';
import { loadTemplate } from './templates';
import { fillTemplate, templateVars } from './template-vars';

/** The six assets from the template files alone: offline, deterministic (the same brief and templates give the same assets). */
export function templateAssets(dataDir: string, brief: ContentBrief): ContentAsset[] {
  const input = { seed: brief.seed.seed, audience: brief.seed.audience, tone: brief.seed.tone, product: brief.product };
  return contentKindList.map((definition) => {
    const { template, source } = loadTemplate(dataDir, definition.kind);
    const vars = templateVars(input, brief.links[definition.kind]);
    const filled = fillTemplate(template, vars);
    const raw = definition.fromTemplate(filled && typeof filled === 'object' ? (filled as Record<string, unknown>) : {}, vars);
    const checked = checkAsset(definition.kind, raw, vars.link);
    if (!checked.ok) throw badInput(source, `the template gives an asset that breaks its rules: ${checked.problems.join('; ')}`);
    return checked.asset;
  });
}

export class TemplateEngine implements ContentEngine {
  readonly name = 'templates' as const;
  constructor(private readonly dataDir: string) {}
  generate(brief: ContentBrief): Promise<ContentAsset[]> {
    return Promise.resolve(templateAssets(this.dataDir, brief));
  }
}
