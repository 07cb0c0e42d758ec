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
