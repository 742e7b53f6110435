/** County templates from the app's templates folder; a broken one is reported, the rest still load. */
import { useEffect, useState } from 'react';
import { BUILTIN_TEMPLATES, TemplateRegistry, parseTemplate } from '../../core/templates/registry';

export function useCountyTemplates(onProblem: (text: string) => void): TemplateRegistry {
  const [registry, setRegistry] = useState(() => new TemplateRegistry(BUILTIN_TEMPLATES));
  useEffect(() => {
    void window.nianbao.listTemplates().then((answer) => {
      if (!answer.ok || answer.value.length === 0) return;
      const next = new TemplateRegistry(BUILTIN_TEMPLATES);
      const problems: string[] = [];
      for (const raw of answer.value) {
        const parsed = parseTemplate(raw, '县里的模板');
        if (parsed.ok) next.add(parsed.template);
        else problems.push(parsed.error);
      }
      setRegistry(next);
      if (problems.length) onProblem(problems.join('；'));
    });
    // Read once at start; the folder is not watched.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return registry;
}
