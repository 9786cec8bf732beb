import { ChevronRight } from 'lucide-react';
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
            <span className="template-title">
              {template.title}
              <ChevronRight size={16} aria-hidden="true" />
            </span>
            <span className="template-description">{template.description}</span>
            <span className="template-includes muted">
              Includes {template.links.map((link) => link.label).join(', ')}
              {template.gpu === 'optional' ? ' · GPU optional' : ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
