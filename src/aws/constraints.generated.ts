// Generated from shared/ivs-realtime/service-2.json (apiVersion 2020-07-14) by scripts/gen-model.ts; do not edit.
// Run `npm run gen:model` after a model change and commit the diff.
// The subset of shapes the app's forms validate against before any call.

export type ConstraintShape = {
  type: string;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
};

export const constraints: Record<string, ConstraintShape> = {
  "StageName": {
    "type": "string",
    "min": 0,
    "max": 128,
    "pattern": "[a-zA-Z0-9-_]*"
  },
  "StageArn": {
    "type": "string",
    "min": 1,
    "max": 128,
    "pattern": "arn:aws:ivs:[a-z0-9-]+:[0-9]+:stage/[a-zA-Z0-9-]+"
  },
  "StageSessionId": {
    "type": "string",
    "min": 16,
    "max": 16,
    "pattern": "st-[a-zA-Z0-9]+"
  },
  "ParticipantId": {
    "type": "string",
    "min": 0,
    "max": 64,
    "pattern": "[a-zA-Z0-9-]*"
  },
  "ParticipantTokenId": {
    "type": "string",
    "min": 0,
    "max": 64,
    "pattern": "[a-zA-Z0-9-_]*"
  },
  "UserId": {
    "type": "string",
    "min": 0,
    "max": 128
  },
  "ParticipantTokenUserId": {
    "type": "string",
    "min": 0,
    "max": 128
  },
  "ParticipantTokenDurationMinutes": {
    "type": "integer",
    "min": 1,
    "max": 20160
  },
  "ParticipantTokenCapability": {
    "type": "string",
    "enum": [
      "PUBLISH",
      "SUBSCRIBE"
    ]
  },
  "ParticipantTokenCapabilities": {
    "type": "list",
    "member": {
      "shape": "ParticipantTokenCapability"
    },
    "min": 0,
    "max": 2
  },
  "ReconnectWindowSeconds": {
    "type": "integer",
    "min": 0,
    "max": 300
  },
  "DisconnectParticipantReason": {
    "type": "string",
    "min": 0,
    "max": 128
  },
  "TagKey": {
    "type": "string",
    "min": 1,
    "max": 128
  },
  "TagValue": {
    "type": "string",
    "min": 0,
    "max": 256
  },
  "Tags": {
    "type": "map",
    "key": {
      "shape": "TagKey"
    },
    "value": {
      "shape": "TagValue"
    },
    "min": 0,
    "max": 50
  },
  "TagKeyList": {
    "type": "list",
    "member": {
      "shape": "TagKey"
    },
    "min": 0,
    "max": 50
  },
  "ParticipantState": {
    "type": "string",
    "enum": [
      "CONNECTED",
      "DISCONNECTED"
    ]
  },
  "ParticipantRecordingFilterByRecordingState": {
    "type": "string",
    "enum": [
      "STARTING",
      "ACTIVE",
      "STOPPING",
      "STOPPED",
      "FAILED"
    ]
  },
  "ParticipantRecordingState": {
    "type": "string",
    "enum": [
      "STARTING",
      "ACTIVE",
      "STOPPING",
      "STOPPED",
      "FAILED",
      "DISABLED"
    ]
  },
  "ReplicationType": {
    "type": "string",
    "enum": [
      "SOURCE",
      "REPLICA",
      "NONE"
    ]
  },
  "ReplicationState": {
    "type": "string",
    "enum": [
      "ACTIVE",
      "STOPPED"
    ]
  },
  "EventName": {
    "type": "string",
    "enum": [
      "JOINED",
      "LEFT",
      "PUBLISH_STARTED",
      "PUBLISH_STOPPED",
      "SUBSCRIBE_STARTED",
      "SUBSCRIBE_STOPPED",
      "PUBLISH_ERROR",
      "SUBSCRIBE_ERROR",
      "JOIN_ERROR",
      "REPLICATION_STARTED",
      "REPLICATION_STOPPED",
      "TOKEN_EXCHANGED"
    ]
  },
  "EventErrorCode": {
    "type": "string",
    "enum": [
      "INSUFFICIENT_CAPABILITIES",
      "QUOTA_EXCEEDED",
      "PUBLISHER_NOT_FOUND",
      "BITRATE_EXCEEDED",
      "RESOLUTION_EXCEEDED",
      "STREAM_DURATION_EXCEEDED",
      "INVALID_AUDIO_CODEC",
      "INVALID_VIDEO_CODEC",
      "INVALID_PROTOCOL",
      "INVALID_STREAM_KEY",
      "REUSE_OF_STREAM_KEY",
      "B_FRAME_PRESENT",
      "INVALID_INPUT",
      "INTERNAL_SERVER_EXCEPTION"
    ]
  },
  "ParticipantProtocol": {
    "type": "string",
    "enum": [
      "UNKNOWN",
      "WHIP",
      "RTMP",
      "RTMPS"
    ]
  }
};

export const pagedOperations: Record<string, { input?: string; pageSize?: string; defaultPageSize?: number; maxPageSize?: number }> = {
  "ListCompositions": {
    "input": "ListCompositionsRequest",
    "pageSize": "maxResults",
    "defaultPageSize": 100,
    "maxPageSize": 100
  },
  "ListEncoderConfigurations": {
    "input": "ListEncoderConfigurationsRequest",
    "pageSize": "maxResults",
    "defaultPageSize": 100,
    "maxPageSize": 100
  },
  "ListIngestConfigurations": {
    "input": "ListIngestConfigurationsRequest",
    "pageSize": "maxResults",
    "defaultPageSize": 50,
    "maxPageSize": 100
  },
  "ListParticipantEvents": {
    "input": "ListParticipantEventsRequest",
    "pageSize": "maxResults",
    "defaultPageSize": 50,
    "maxPageSize": 100
  },
  "ListParticipantReplicas": {
    "input": "ListParticipantReplicasRequest",
    "pageSize": "maxResults",
    "defaultPageSize": 50,
    "maxPageSize": 50
  },
  "ListParticipants": {
    "input": "ListParticipantsRequest",
    "pageSize": "maxResults",
    "defaultPageSize": 50,
    "maxPageSize": 100
  },
  "ListPublicKeys": {
    "input": "ListPublicKeysRequest",
    "pageSize": "maxResults",
    "defaultPageSize": 50,
    "maxPageSize": 100
  },
  "ListStageSessions": {
    "input": "ListStageSessionsRequest",
    "pageSize": "maxResults",
    "defaultPageSize": 50,
    "maxPageSize": 100
  },
  "ListStages": {
    "input": "ListStagesRequest",
    "pageSize": "maxResults",
    "defaultPageSize": 50,
    "maxPageSize": 100
  },
  "ListStorageConfigurations": {
    "input": "ListStorageConfigurationsRequest",
    "pageSize": "maxResults",
    "maxPageSize": 100
  }
};

export const requestShapes: Record<string, { type: string; members: Record<string, { shape: string; default?: unknown }>; required?: string[] }> = {
  "StartParticipantReplicationRequest": {
    "type": "structure",
    "members": {
      "sourceStageArn": {
        "shape": "StageArn"
      },
      "destinationStageArn": {
        "shape": "StageArn"
      },
      "participantId": {
        "shape": "ParticipantId"
      },
      "reconnectWindowSeconds": {
        "shape": "ReconnectWindowSeconds"
      },
      "attributes": {
        "shape": "ParticipantAttributes"
      }
    },
    "required": [
      "sourceStageArn",
      "destinationStageArn",
      "participantId"
    ]
  },
  "CreateParticipantTokenRequest": {
    "type": "structure",
    "members": {
      "stageArn": {
        "shape": "StageArn"
      },
      "duration": {
        "shape": "ParticipantTokenDurationMinutes"
      },
      "userId": {
        "shape": "ParticipantTokenUserId"
      },
      "attributes": {
        "shape": "ParticipantTokenAttributes"
      },
      "capabilities": {
        "shape": "ParticipantTokenCapabilities"
      }
    },
    "required": [
      "stageArn"
    ]
  },
  "CreateStageRequest": {
    "type": "structure",
    "members": {
      "name": {
        "shape": "StageName"
      },
      "participantTokenConfigurations": {
        "shape": "ParticipantTokenConfigurations"
      },
      "tags": {
        "shape": "Tags"
      },
      "autoParticipantRecordingConfiguration": {
        "shape": "AutoParticipantRecordingConfiguration"
      }
    }
  },
  "DisconnectParticipantRequest": {
    "type": "structure",
    "members": {
      "stageArn": {
        "shape": "StageArn"
      },
      "participantId": {
        "shape": "ParticipantTokenId"
      },
      "reason": {
        "shape": "DisconnectParticipantReason"
      }
    },
    "required": [
      "stageArn",
      "participantId"
    ]
  },
  "ListParticipantsRequest": {
    "type": "structure",
    "members": {
      "stageArn": {
        "shape": "StageArn"
      },
      "sessionId": {
        "shape": "StageSessionId"
      },
      "filterByUserId": {
        "shape": "UserId"
      },
      "filterByPublished": {
        "shape": "Published",
        "default": false
      },
      "filterByState": {
        "shape": "ParticipantState"
      },
      "nextToken": {
        "shape": "PaginationToken"
      },
      "maxResults": {
        "shape": "MaxParticipantResults"
      },
      "filterByRecordingState": {
        "shape": "ParticipantRecordingFilterByRecordingState"
      }
    },
    "required": [
      "stageArn",
      "sessionId"
    ]
  }
};
