interface BreadcrumbsProps {
  rootLabel: string;
  path: string;
  onNavigate(path: string): void;
}

export function Breadcrumbs({ rootLabel, path, onNavigate }: BreadcrumbsProps) {
  const segments = path === '' ? [] : path.split('/');
  return (
    <nav className="volume-breadcrumbs" aria-label="Path" data-testid="volume-breadcrumbs">
      <button type="button" className="link-button" onClick={() => onNavigate('')}>
        {rootLabel}
      </button>
      {segments.map((segment, index) => (
        <span key={index}>
          {' / '}
          <button
            type="button"
            className="link-button"
            onClick={() => onNavigate(segments.slice(0, index + 1).join('/'))}
          >
            {segment}
          </button>
        </span>
      ))}
    </nav>
  );
}
