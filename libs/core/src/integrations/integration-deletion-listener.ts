/**
 * Run when an integration is deleted, by a feature that keeps rows of it (its push log, its
 * confirmed handshakes) and owns them. Registered with `IntegrationsService.whenDeleted`; the
 * deletion is answered once every listener is done.
 */
export type IntegrationDeletionListener = (integrationId: string) => Promise<void>;
