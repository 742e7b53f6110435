/** County templates from the app's templates folder; a broken one is named in the message bar, the rest still load. */
import { useEffect, useState } from 'react';
import { BUILTIN_TEMPLATES, TemplateRegistry, parseTemplate } from '../../core/templates/registry';
import type { Call } from '../api';

export function useCountyTemplates(call: Call): TemplateRegistry {
  const [registry, setRegistry] = useState(() => new TemplateRegistry(BUILTIN_TEMPLATES));
  useEffect(() => {
    void call('listTemplates').then((found) => {
      if (!found) return;
      // Files main could not read or parse, then templates that do not fit the schema: each by its file name.
      const problems = [...found.problems];
      const next = new TemplateRegistry(BUILTIN_TEMPLATES);
      for (const { file, data } of found.templates) {
        const parsed = parseTemplate(data, `县里的模板“${file}”`);
        if (parsed.ok) next.add(parsed.template);
        else problems.push(parsed.error);
      }
      if (found.templates.length) setRegistry(next);
      if (problems.length) call.report(problems.join('；'));
    });
    // Read once at start; the folder is not watched.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return registry;
}
