/** The client method a failure comes from; carried by every {@link ArgosClientError}. */
export type ArgosOperation = 'submitFaceImage' | 'getResult' | 'listResults' | 'getImage' | 'deleteResult';
