/** The language status request as client and server both speak it; nothing else, so the client bundle takes no server code. */
export const FILE_STATUS_REQUEST = 'preflight/fileStatus';

export interface FileStatusParams {
  uri: string;
}

export interface FileStatus {
  /** production, development or unknown: how the rules judge this file. */
  context: string;
  contextReason: string;
  /** The Django settings module production runs; null when the project does not say. */
  settingsModule: string | null;
  settingsOrigin: string | null;
  /** The Django release or series the rules assume (`Django 5.2.8`, `Django 4.2–5.1`) and where that came from. */
  djangoVersion: string;
  djangoVersionOrigin: string;
  checklistUri: string;
  checklistExists: boolean;
}
