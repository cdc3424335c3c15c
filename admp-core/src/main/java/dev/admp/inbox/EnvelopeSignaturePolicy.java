package dev.admp.inbox;

/** Whether SEND and REPLY must carry an envelope signature. */
public enum EnvelopeSignaturePolicy {
  /** Every envelope must carry a valid signature by its sender ({@code AUTH_MODE=signature}). */
  REQUIRED,
  /** Only a signature that is present is checked, as the reference hub did ({@code AUTH_MODE=legacy}). */
  WHEN_PRESENT
}
