import type { Template } from '@shared/schemas/projects';
import { useBerthStore } from '../../stores/store';

/** The ML stacks Berth can create, as cards; choosing one opens the create form. */
export function TemplateGallery({ onChoose }: { onChoose(template: Template): void }) {
  const templates = useBerthStore((state) => state.templates);
  return (
    <ul className="template-gallery" aria-label="Templates">
      {templates.map((template) => (
        <li key={template.id}>
          <button
            type="button"
            className="template-card"
            onClick={() => onChoose(template)}
            data-testid="template-card"
            data-template={template.id}
          >
            <strong>{template.title}</strong>
            <span>{template.description}</span>
            <span className="muted">
              {template.links.map((link) => link.label).join(' · ')}
              {template.gpu === 'optional' ? ' · GPU optional' : ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
