import { app, session, type WebContents } from 'electron';
import { originOf } from '../ipc/core/sender-guard';

/**
 * Applies to every webContents Berth creates: no navigation away from the app, no new windows,
 * no webviews; every permission (camera, notifications, HID…) is denied but clipboard writes by the app itself.
 */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** Writing to the clipboard (Copy in the log viewer and terminals) is the one permission Berth's own pages get. */
function isAllowed(permission: string, requestingUrl: string | undefined, appOrigin: string): boolean {
  return (
    permission === 'clipboard-sanitized-write' && requestingUrl !== undefined && originOf(requestingUrl) === appOrigin
  );
}

export function denyPermissionsExceptClipboard(appOrigin: string): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isAllowed(permission, details.requestingUrl, appOrigin)),
  );
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isAllowed(permission, requestingOrigin, appOrigin),
  );
  ses.setDevicePermissionHandler(() => false);
}
