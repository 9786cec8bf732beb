/** Environment variables Compose itself reads. */
export const COMPOSE_FILE = 'COMPOSE_FILE';
export const COMPOSE_PATH_SEPARATOR = 'COMPOSE_PATH_SEPARATOR';
export const COMPOSE_PROJECT_NAME = 'COMPOSE_PROJECT_NAME';
export const COMPOSE_PROFILES = 'COMPOSE_PROFILES';
export const COMPOSE_DISABLE_ENV_FILE = 'COMPOSE_DISABLE_ENV_FILE';

export const DEFAULT_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
export const DEFAULT_OVERRIDE_FILE_NAMES = [
  'compose.override.yml',
  'compose.override.yaml',
  'docker-compose.override.yml',
  'docker-compose.override.yaml',
];
export const DOTENV_FILE = '.env';
