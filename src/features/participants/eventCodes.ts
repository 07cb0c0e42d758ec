// Every event name and error code of ListParticipantEvents, explained in the project's own words.

export const EVENT_NAMES: Record<string, string> = {
  JOINED: 'Joined the stage.',
  LEFT: 'Left the stage.',
  PUBLISH_STARTED: 'Started sending audio/video.',
  PUBLISH_STOPPED: 'Stopped sending audio/video.',
  SUBSCRIBE_STARTED: 'Started receiving another participant.',
  SUBSCRIBE_STOPPED: 'Stopped receiving another participant.',
  JOIN_ERROR: 'Could not join the stage.',
  PUBLISH_ERROR: 'Could not publish.',
  SUBSCRIBE_ERROR: 'Could not subscribe to another participant.',
  REPLICATION_STARTED: 'Replication into another stage started.',
  REPLICATION_STOPPED: 'Replication into another stage stopped.',
  TOKEN_EXCHANGED: 'The client swapped its token without reconnecting (new capabilities or attributes).',
};

export const ERROR_CODES: Record<string, string> = {
  INSUFFICIENT_CAPABILITIES:
    "The participant's token does not allow this action, for example publishing with a subscribe-only token.",
  QUOTA_EXCEEDED: 'The stage already has as many publishers or subscribers as its quota allows.',
  PUBLISHER_NOT_FOUND: 'The participant tried to receive a publisher who is no longer in the stage.',
  BITRATE_EXCEEDED: 'The media sent was above the maximum bitrate IVS accepts.',
  RESOLUTION_EXCEEDED: 'The video sent was larger than the maximum resolution IVS accepts.',
  STREAM_DURATION_EXCEEDED: 'The participant published for longer than the maximum allowed duration.',
  INVALID_AUDIO_CODEC: 'The audio used a codec IVS does not support.',
  INVALID_VIDEO_CODEC: 'The video used a codec IVS does not support.',
  INVALID_PROTOCOL: 'The encoder connected over RTMP, but the ingest configuration requires RTMPS.',
  INVALID_STREAM_KEY: 'The encoder used an RTMP stream key that is unknown or wrong.',
  REUSE_OF_STREAM_KEY: 'The stream key is already in use by another live stage session.',
  B_FRAME_PRESENT: 'The RTMP stream contains B-frames, which IVS real-time does not accept; turn them off in the encoder.',
  INVALID_INPUT: 'The incoming stream was malformed and could not be read.',
  INTERNAL_SERVER_EXCEPTION: 'IVS had an internal problem while handling the media; it was not caused by the participant.',
};

export function explainEvent(name: string): string {
  return EVENT_NAMES[name] ?? `An event IVS calls ${name}; Greenroom does not know it yet.`;
}

export function explainErrorCode(code: string): string {
  return ERROR_CODES[code] ?? `IVS reported error code ${code}, which Greenroom does not know yet.`;
}

/** What support should do next for each error code: one sentence an agent can act on. */
export const NEXT_STEPS: Record<string, string> = {
  INSUFFICIENT_CAPABILITIES: 'Check the capabilities the app puts in this user’s token; issue a new token with PUBLISH or SUBSCRIBE as needed.',
  QUOTA_EXCEEDED: 'Count the publishers in the stage (12 at most) and ask the producer to remove one, or move the user to another stage.',
  PUBLISHER_NOT_FOUND: 'Usually harmless: the other participant had left. If it repeats, ask the user to reload so the client refreshes its list.',
  BITRATE_EXCEEDED: 'Ask the user to lower the encoder bitrate (8.5 Mbps at most) and publish again.',
  RESOLUTION_EXCEEDED: 'Ask the user to send 720p or less and publish again.',
  STREAM_DURATION_EXCEEDED: 'The 24-hour limit was reached; the user must reconnect with a new token to publish again.',
  INVALID_AUDIO_CODEC: 'Ask the user to switch the encoder to a supported audio codec (Opus for WebRTC, AAC for RTMP).',
  INVALID_VIDEO_CODEC: 'Ask the user to switch the encoder to H.264 and publish again.',
  INVALID_PROTOCOL: 'Ask the user to change the encoder URL to rtmps:// and reconnect.',
  INVALID_STREAM_KEY: 'Send the user the current stream key of the ingest configuration and ask them to paste it again.',
  REUSE_OF_STREAM_KEY: 'Find the other live session using this key and stop it, or give this encoder its own ingest configuration.',
  B_FRAME_PRESENT: 'Ask the user to turn off B-frames in the encoder (e.g. a baseline profile or "bframes=0") and reconnect.',
  INVALID_INPUT: 'Ask the user to restart the encoder; if it persists, collect the encoder log and its settings for the ticket.',
  INTERNAL_SERVER_EXCEPTION: 'Ask the user to retry; if it repeats, open an AWS support case with the times and ids from this story.',
};

export function nextStepFor(code: string): string {
  return NEXT_STEPS[code] ?? 'Record the code, the time and the ids in the ticket and escalate to engineering.';
}
