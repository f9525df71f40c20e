/** The Argos hosted Face Auth capture page. */
export const DEFAULT_FORM_URL = 'https://form.argosidentity.com/face-auth';
