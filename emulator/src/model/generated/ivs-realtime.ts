// Generated from shared/ivs-realtime/service-2.json (apiVersion 2020-07-14) by scripts/gen-model.ts; do not edit.
// Run `npm run gen:model` after a model change and commit the diff.
import type { ServiceModel } from '../types.ts';

export const ivsRealtimeModel: ServiceModel = {
  "source": "shared/ivs-realtime/service-2.json",
  "apiVersion": "2020-07-14",
  "metadata": {
    "protocol": "rest-json",
    "endpointPrefix": "ivsrealtime",
    "signingName": "ivs"
  },
  "operations": {
    "CreateEncoderConfiguration": {
      "name": "CreateEncoderConfiguration",
      "http": {
        "method": "POST",
        "requestUri": "/CreateEncoderConfiguration",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ConflictException",
        "InternalServerException",
        "PendingVerification",
        "ResourceNotFoundException",
        "ServiceQuotaExceededException",
        "ValidationException"
      ],
      "input": "CreateEncoderConfigurationRequest",
      "output": "CreateEncoderConfigurationResponse"
    },
    "CreateIngestConfiguration": {
      "name": "CreateIngestConfiguration",
      "http": {
        "method": "POST",
        "requestUri": "/CreateIngestConfiguration",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "PendingVerification",
        "ServiceQuotaExceededException",
        "ValidationException"
      ],
      "input": "CreateIngestConfigurationRequest",
      "output": "CreateIngestConfigurationResponse"
    },
    "CreateParticipantToken": {
      "name": "CreateParticipantToken",
      "http": {
        "method": "POST",
        "requestUri": "/CreateParticipantToken",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "PendingVerification",
        "ResourceNotFoundException",
        "ServiceQuotaExceededException",
        "ValidationException"
      ],
      "input": "CreateParticipantTokenRequest",
      "output": "CreateParticipantTokenResponse"
    },
    "CreateStage": {
      "name": "CreateStage",
      "http": {
        "method": "POST",
        "requestUri": "/CreateStage",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "PendingVerification",
        "ServiceQuotaExceededException",
        "ValidationException"
      ],
      "input": "CreateStageRequest",
      "output": "CreateStageResponse"
    },
    "CreateStorageConfiguration": {
      "name": "CreateStorageConfiguration",
      "http": {
        "method": "POST",
        "requestUri": "/CreateStorageConfiguration",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ConflictException",
        "InternalServerException",
        "PendingVerification",
        "ResourceNotFoundException",
        "ServiceQuotaExceededException",
        "ValidationException"
      ],
      "input": "CreateStorageConfigurationRequest",
      "output": "CreateStorageConfigurationResponse"
    },
    "DeleteEncoderConfiguration": {
      "name": "DeleteEncoderConfiguration",
      "http": {
        "method": "POST",
        "requestUri": "/DeleteEncoderConfiguration",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ConflictException",
        "InternalServerException",
        "ResourceNotFoundException",
        "ServiceQuotaExceededException",
        "ValidationException"
      ],
      "input": "DeleteEncoderConfigurationRequest",
      "output": "DeleteEncoderConfigurationResponse"
    },
    "DeleteIngestConfiguration": {
      "name": "DeleteIngestConfiguration",
      "http": {
        "method": "POST",
        "requestUri": "/DeleteIngestConfiguration",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ConflictException",
        "PendingVerification",
        "ResourceNotFoundException",
        "ValidationException"
      ],
      "input": "DeleteIngestConfigurationRequest",
      "output": "DeleteIngestConfigurationResponse"
    },
    "DeletePublicKey": {
      "name": "DeletePublicKey",
      "http": {
        "method": "POST",
        "requestUri": "/DeletePublicKey",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ConflictException",
        "PendingVerification",
        "ResourceNotFoundException",
        "ValidationException"
      ],
      "input": "DeletePublicKeyRequest",
      "output": "DeletePublicKeyResponse"
    },
    "DeleteStage": {
      "name": "DeleteStage",
      "http": {
        "method": "POST",
        "requestUri": "/DeleteStage",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ConflictException",
        "PendingVerification",
        "ResourceNotFoundException",
        "ValidationException"
      ],
      "input": "DeleteStageRequest",
      "output": "DeleteStageResponse"
    },
    "DeleteStorageConfiguration": {
      "name": "DeleteStorageConfiguration",
      "http": {
        "method": "POST",
        "requestUri": "/DeleteStorageConfiguration",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ConflictException",
        "InternalServerException",
        "ResourceNotFoundException",
        "ServiceQuotaExceededException",
        "ValidationException"
      ],
      "input": "DeleteStorageConfigurationRequest",
      "output": "DeleteStorageConfigurationResponse"
    },
    "DisconnectParticipant": {
      "name": "DisconnectParticipant",
      "http": {
        "method": "POST",
        "requestUri": "/DisconnectParticipant",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "PendingVerification",
        "ResourceNotFoundException",
        "ValidationException"
      ],
      "input": "DisconnectParticipantRequest",
      "output": "DisconnectParticipantResponse"
    },
    "GetComposition": {
      "name": "GetComposition",
      "http": {
        "method": "POST",
        "requestUri": "/GetComposition",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ConflictException",
        "InternalServerException",
        "ResourceNotFoundException",
        "ServiceQuotaExceededException",
        "ValidationException"
      ],
      "input": "GetCompositionRequest",
      "output": "GetCompositionResponse"
    },
    "GetEncoderConfiguration": {
      "name": "GetEncoderConfiguration",
      "http": {
        "method": "POST",
        "requestUri": "/GetEncoderConfiguration",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ConflictException",
        "InternalServerException",
        "ResourceNotFoundException",
        "ServiceQuotaExceededException",
        "ValidationException"
      ],
      "input": "GetEncoderConfigurationRequest",
      "output": "GetEncoderConfigurationResponse"
    },
    "GetIngestConfiguration": {
      "name": "GetIngestConfiguration",
      "http": {
        "method": "POST",
        "requestUri": "/GetIngestConfiguration",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ResourceNotFoundException",
        "ValidationException"
      ],
      "input": "GetIngestConfigurationRequest",
      "output": "GetIngestConfigurationResponse"
    },
    "GetParticipant": {
      "name": "GetParticipant",
      "http": {
        "method": "POST",
        "requestUri": "/GetParticipant",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ResourceNotFoundException",
        "ValidationException"
      ],
      "input": "GetParticipantRequest",
      "output": "GetParticipantResponse"
    },
    "GetPublicKey": {
      "name": "GetPublicKey",
      "http": {
        "method": "POST",
        "requestUri": "/GetPublicKey",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ResourceNotFoundException",
        "ValidationException"
      ],
      "input": "GetPublicKeyRequest",
      "output": "GetPublicKeyResponse"
    },
    "GetStage": {
      "name": "GetStage",
      "http": {
        "method": "POST",
        "requestUri": "/GetStage",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ResourceNotFoundException",
        "ValidationException"
      ],
      "input": "GetStageRequest",
      "output": "GetStageResponse"
    },
    "GetStageSession": {
      "name": "GetStageSession",
      "http": {
        "method": "POST",
        "requestUri": "/GetStageSession",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ResourceNotFoundException",
        "ValidationException"
      ],
      "input": "GetStageSessionRequest",
      "output": "GetStageSessionResponse"
    },
    "GetStorageConfiguration": {
      "name": "GetStorageConfiguration",
      "http": {
        "method": "POST",
        "requestUri": "/GetStorageConfiguration",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ConflictException",
        "InternalServerException",
        "ResourceNotFoundException",
        "ServiceQuotaExceededException",
        "ValidationException"
      ],
      "input": "GetStorageConfigurationRequest",
      "output": "GetStorageConfigurationResponse"
    },
    "ImportPublicKey": {
      "name": "ImportPublicKey",
      "http": {
        "method": "POST",
        "requestUri": "/ImportPublicKey",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ConflictException",
        "PendingVerification",
        "ServiceQuotaExceededException",
        "ValidationException"
      ],
      "input": "ImportPublicKeyRequest",
      "output": "ImportPublicKeyResponse"
    },
    "ListCompositions": {
      "name": "ListCompositions",
      "http": {
        "method": "POST",
        "requestUri": "/ListCompositions",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ConflictException",
        "InternalServerException",
        "ServiceQuotaExceededException",
        "ValidationException"
      ],
      "input": "ListCompositionsRequest",
      "output": "ListCompositionsResponse",
      "paginated": {
        "inputToken": "nextToken",
        "outputToken": "nextToken",
        "pageSize": "maxResults",
        "items": "compositions",
        "defaultPageSize": 100
      }
    },
    "ListEncoderConfigurations": {
      "name": "ListEncoderConfigurations",
      "http": {
        "method": "POST",
        "requestUri": "/ListEncoderConfigurations",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ConflictException",
        "InternalServerException",
        "ServiceQuotaExceededException",
        "ValidationException"
      ],
      "input": "ListEncoderConfigurationsRequest",
      "output": "ListEncoderConfigurationsResponse",
      "paginated": {
        "inputToken": "nextToken",
        "outputToken": "nextToken",
        "pageSize": "maxResults",
        "items": "encoderConfigurations",
        "defaultPageSize": 100
      }
    },
    "ListIngestConfigurations": {
      "name": "ListIngestConfigurations",
      "http": {
        "method": "POST",
        "requestUri": "/ListIngestConfigurations",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ValidationException"
      ],
      "input": "ListIngestConfigurationsRequest",
      "output": "ListIngestConfigurationsResponse",
      "paginated": {
        "inputToken": "nextToken",
        "outputToken": "nextToken",
        "pageSize": "maxResults",
        "items": "ingestConfigurations",
        "defaultPageSize": 50
      }
    },
    "ListParticipantEvents": {
      "name": "ListParticipantEvents",
      "http": {
        "method": "POST",
        "requestUri": "/ListParticipantEvents",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ValidationException"
      ],
      "input": "ListParticipantEventsRequest",
      "output": "ListParticipantEventsResponse",
      "paginated": {
        "inputToken": "nextToken",
        "outputToken": "nextToken",
        "pageSize": "maxResults",
        "items": "events",
        "defaultPageSize": 50
      }
    },
    "ListParticipantReplicas": {
      "name": "ListParticipantReplicas",
      "http": {
        "method": "POST",
        "requestUri": "/ListParticipantReplicas",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ValidationException"
      ],
      "input": "ListParticipantReplicasRequest",
      "output": "ListParticipantReplicasResponse",
      "paginated": {
        "inputToken": "nextToken",
        "outputToken": "nextToken",
        "pageSize": "maxResults",
        "items": "replicas",
        "defaultPageSize": 50
      }
    },
    "ListParticipants": {
      "name": "ListParticipants",
      "http": {
        "method": "POST",
        "requestUri": "/ListParticipants",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ValidationException"
      ],
      "input": "ListParticipantsRequest",
      "output": "ListParticipantsResponse",
      "paginated": {
        "inputToken": "nextToken",
        "outputToken": "nextToken",
        "pageSize": "maxResults",
        "items": "participants",
        "defaultPageSize": 50
      }
    },
    "ListPublicKeys": {
      "name": "ListPublicKeys",
      "http": {
        "method": "POST",
        "requestUri": "/ListPublicKeys",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ValidationException"
      ],
      "input": "ListPublicKeysRequest",
      "output": "ListPublicKeysResponse",
      "paginated": {
        "inputToken": "nextToken",
        "outputToken": "nextToken",
        "pageSize": "maxResults",
        "items": "publicKeys",
        "defaultPageSize": 50
      }
    },
    "ListStageSessions": {
      "name": "ListStageSessions",
      "http": {
        "method": "POST",
        "requestUri": "/ListStageSessions",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ValidationException"
      ],
      "input": "ListStageSessionsRequest",
      "output": "ListStageSessionsResponse",
      "paginated": {
        "inputToken": "nextToken",
        "outputToken": "nextToken",
        "pageSize": "maxResults",
        "items": "stageSessions",
        "defaultPageSize": 50
      }
    },
    "ListStages": {
      "name": "ListStages",
      "http": {
        "method": "POST",
        "requestUri": "/ListStages",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ConflictException",
        "ValidationException"
      ],
      "input": "ListStagesRequest",
      "output": "ListStagesResponse",
      "paginated": {
        "inputToken": "nextToken",
        "outputToken": "nextToken",
        "pageSize": "maxResults",
        "items": "stages",
        "defaultPageSize": 50
      }
    },
    "ListStorageConfigurations": {
      "name": "ListStorageConfigurations",
      "http": {
        "method": "POST",
        "requestUri": "/ListStorageConfigurations",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ConflictException",
        "InternalServerException",
        "ServiceQuotaExceededException",
        "ValidationException"
      ],
      "input": "ListStorageConfigurationsRequest",
      "output": "ListStorageConfigurationsResponse",
      "paginated": {
        "inputToken": "nextToken",
        "outputToken": "nextToken",
        "pageSize": "maxResults",
        "items": "storageConfigurations"
      }
    },
    "ListTagsForResource": {
      "name": "ListTagsForResource",
      "http": {
        "method": "GET",
        "requestUri": "/tags/{resourceArn}",
        "responseCode": 200
      },
      "errors": [
        "InternalServerException",
        "ResourceNotFoundException",
        "ValidationException"
      ],
      "input": "ListTagsForResourceRequest",
      "output": "ListTagsForResourceResponse"
    },
    "StartComposition": {
      "name": "StartComposition",
      "http": {
        "method": "POST",
        "requestUri": "/StartComposition",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ConflictException",
        "InternalServerException",
        "PendingVerification",
        "ResourceNotFoundException",
        "ServiceQuotaExceededException",
        "ValidationException"
      ],
      "input": "StartCompositionRequest",
      "output": "StartCompositionResponse"
    },
    "StartParticipantReplication": {
      "name": "StartParticipantReplication",
      "http": {
        "method": "POST",
        "requestUri": "/StartParticipantReplication",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ConflictException",
        "InternalServerException",
        "PendingVerification",
        "ResourceNotFoundException",
        "ServiceQuotaExceededException",
        "ValidationException"
      ],
      "input": "StartParticipantReplicationRequest",
      "output": "StartParticipantReplicationResponse"
    },
    "StopComposition": {
      "name": "StopComposition",
      "http": {
        "method": "POST",
        "requestUri": "/StopComposition",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ConflictException",
        "InternalServerException",
        "ResourceNotFoundException",
        "ServiceQuotaExceededException",
        "ValidationException"
      ],
      "input": "StopCompositionRequest",
      "output": "StopCompositionResponse"
    },
    "StopParticipantReplication": {
      "name": "StopParticipantReplication",
      "http": {
        "method": "POST",
        "requestUri": "/StopParticipantReplication",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "InternalServerException",
        "ResourceNotFoundException",
        "ValidationException"
      ],
      "input": "StopParticipantReplicationRequest",
      "output": "StopParticipantReplicationResponse"
    },
    "TagResource": {
      "name": "TagResource",
      "http": {
        "method": "POST",
        "requestUri": "/tags/{resourceArn}",
        "responseCode": 200
      },
      "errors": [
        "InternalServerException",
        "ResourceNotFoundException",
        "ValidationException"
      ],
      "input": "TagResourceRequest",
      "output": "TagResourceResponse"
    },
    "UntagResource": {
      "name": "UntagResource",
      "http": {
        "method": "DELETE",
        "requestUri": "/tags/{resourceArn}",
        "responseCode": 200
      },
      "errors": [
        "InternalServerException",
        "ResourceNotFoundException",
        "ValidationException"
      ],
      "input": "UntagResourceRequest",
      "output": "UntagResourceResponse",
      "idempotent": true
    },
    "UpdateIngestConfiguration": {
      "name": "UpdateIngestConfiguration",
      "http": {
        "method": "POST",
        "requestUri": "/UpdateIngestConfiguration",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ConflictException",
        "PendingVerification",
        "ResourceNotFoundException",
        "ValidationException"
      ],
      "input": "UpdateIngestConfigurationRequest",
      "output": "UpdateIngestConfigurationResponse"
    },
    "UpdateStage": {
      "name": "UpdateStage",
      "http": {
        "method": "POST",
        "requestUri": "/UpdateStage",
        "responseCode": 200
      },
      "errors": [
        "AccessDeniedException",
        "ConflictException",
        "PendingVerification",
        "ResourceNotFoundException",
        "ServiceQuotaExceededException",
        "ValidationException"
      ],
      "input": "UpdateStageRequest",
      "output": "UpdateStageResponse"
    }
  },
  "shapes": {
    "AccessDeniedException": {
      "type": "structure",
      "members": {
        "accessControlAllowOrigin": {
          "shape": "String",
          "location": "header",
          "locationName": "Access-Control-Allow-Origin"
        },
        "accessControlExposeHeaders": {
          "shape": "String",
          "location": "header",
          "locationName": "Access-Control-Expose-Headers"
        },
        "cacheControl": {
          "shape": "String",
          "location": "header",
          "locationName": "Cache-Control"
        },
        "contentSecurityPolicy": {
          "shape": "String",
          "location": "header",
          "locationName": "Content-Security-Policy"
        },
        "strictTransportSecurity": {
          "shape": "String",
          "location": "header",
          "locationName": "Strict-Transport-Security"
        },
        "xContentTypeOptions": {
          "shape": "String",
          "location": "header",
          "locationName": "X-Content-Type-Options"
        },
        "xFrameOptions": {
          "shape": "String",
          "location": "header",
          "locationName": "X-Frame-Options"
        },
        "xAmznErrorType": {
          "shape": "String",
          "location": "header",
          "locationName": "x-amzn-ErrorType"
        },
        "exceptionMessage": {
          "shape": "errorMessage"
        }
      },
      "error": {
        "httpStatusCode": 403,
        "senderFault": true
      }
    },
    "AttributeKey": {
      "type": "string",
      "min": 0,
      "max": 128,
      "pattern": "[a-zA-Z0-9-_]*"
    },
    "AutoParticipantRecordingConfiguration": {
      "type": "structure",
      "members": {
        "storageConfigurationArn": {
          "shape": "AutoParticipantRecordingStorageConfigurationArn"
        },
        "mediaTypes": {
          "shape": "ParticipantRecordingMediaTypeList"
        },
        "thumbnailConfiguration": {
          "shape": "ParticipantThumbnailConfiguration"
        },
        "recordingReconnectWindowSeconds": {
          "shape": "ParticipantRecordingReconnectWindowSeconds",
          "default": 0
        },
        "hlsConfiguration": {
          "shape": "ParticipantRecordingHlsConfiguration"
        },
        "recordParticipantReplicas": {
          "shape": "RecordParticipantReplicas",
          "default": false
        }
      },
      "required": [
        "storageConfigurationArn"
      ]
    },
    "AutoParticipantRecordingStorageConfigurationArn": {
      "type": "string",
      "min": 0,
      "max": 128,
      "pattern": "^$|^arn:aws:ivs:[a-z0-9-]+:[0-9]+:storage-configuration/[a-zA-Z0-9-]+$"
    },
    "Bitrate": {
      "type": "integer",
      "min": 1,
      "max": 8500000
    },
    "Boolean": {
      "type": "boolean"
    },
    "ChannelArn": {
      "type": "string",
      "min": 1,
      "max": 128,
      "pattern": "arn:aws:ivs:[a-z0-9-]+:[0-9]+:channel/[a-zA-Z0-9-]+"
    },
    "ChannelDestinationConfiguration": {
      "type": "structure",
      "members": {
        "channelArn": {
          "shape": "ChannelArn"
        },
        "encoderConfigurationArn": {
          "shape": "EncoderConfigurationArn"
        }
      },
      "required": [
        "channelArn"
      ]
    },
    "Composition": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "CompositionArn"
        },
        "stageArn": {
          "shape": "StageArn"
        },
        "state": {
          "shape": "CompositionState"
        },
        "layout": {
          "shape": "LayoutConfiguration"
        },
        "destinations": {
          "shape": "DestinationList"
        },
        "tags": {
          "shape": "Tags"
        },
        "startTime": {
          "shape": "Time"
        },
        "endTime": {
          "shape": "Time"
        }
      },
      "required": [
        "arn",
        "stageArn",
        "state",
        "layout",
        "destinations"
      ]
    },
    "CompositionArn": {
      "type": "string",
      "min": 1,
      "max": 128,
      "pattern": "arn:aws:ivs:[a-z0-9-]+:[0-9]+:composition/[a-zA-Z0-9-]+"
    },
    "CompositionClientToken": {
      "type": "string",
      "min": 1,
      "max": 64,
      "pattern": "[a-zA-Z0-9-_]*"
    },
    "CompositionRecordingHlsConfiguration": {
      "type": "structure",
      "members": {
        "targetSegmentDurationSeconds": {
          "shape": "CompositionRecordingTargetSegmentDurationSeconds"
        }
      }
    },
    "CompositionRecordingTargetSegmentDurationSeconds": {
      "type": "integer",
      "min": 2,
      "max": 10
    },
    "CompositionState": {
      "type": "string",
      "enum": [
        "STARTING",
        "ACTIVE",
        "STOPPING",
        "FAILED",
        "STOPPED"
      ]
    },
    "CompositionSummary": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "CompositionArn"
        },
        "stageArn": {
          "shape": "StageArn"
        },
        "destinations": {
          "shape": "DestinationSummaryList"
        },
        "state": {
          "shape": "CompositionState"
        },
        "tags": {
          "shape": "Tags"
        },
        "startTime": {
          "shape": "Time"
        },
        "endTime": {
          "shape": "Time"
        }
      },
      "required": [
        "arn",
        "stageArn",
        "destinations",
        "state"
      ]
    },
    "CompositionSummaryList": {
      "type": "list",
      "member": {
        "shape": "CompositionSummary"
      }
    },
    "CompositionThumbnailConfiguration": {
      "type": "structure",
      "members": {
        "targetIntervalSeconds": {
          "shape": "ThumbnailIntervalSeconds"
        },
        "storage": {
          "shape": "ThumbnailStorageTypeList"
        }
      }
    },
    "CompositionThumbnailConfigurationList": {
      "type": "list",
      "member": {
        "shape": "CompositionThumbnailConfiguration"
      },
      "min": 0,
      "max": 1
    },
    "ConflictException": {
      "type": "structure",
      "members": {
        "accessControlAllowOrigin": {
          "shape": "String",
          "location": "header",
          "locationName": "Access-Control-Allow-Origin"
        },
        "accessControlExposeHeaders": {
          "shape": "String",
          "location": "header",
          "locationName": "Access-Control-Expose-Headers"
        },
        "cacheControl": {
          "shape": "String",
          "location": "header",
          "locationName": "Cache-Control"
        },
        "contentSecurityPolicy": {
          "shape": "String",
          "location": "header",
          "locationName": "Content-Security-Policy"
        },
        "strictTransportSecurity": {
          "shape": "String",
          "location": "header",
          "locationName": "Strict-Transport-Security"
        },
        "xContentTypeOptions": {
          "shape": "String",
          "location": "header",
          "locationName": "X-Content-Type-Options"
        },
        "xFrameOptions": {
          "shape": "String",
          "location": "header",
          "locationName": "X-Frame-Options"
        },
        "xAmznErrorType": {
          "shape": "String",
          "location": "header",
          "locationName": "x-amzn-ErrorType"
        },
        "exceptionMessage": {
          "shape": "errorMessage"
        }
      },
      "error": {
        "httpStatusCode": 409,
        "senderFault": true
      }
    },
    "CreateEncoderConfigurationRequest": {
      "type": "structure",
      "members": {
        "name": {
          "shape": "EncoderConfigurationName"
        },
        "video": {
          "shape": "Video"
        },
        "tags": {
          "shape": "Tags"
        }
      }
    },
    "CreateEncoderConfigurationResponse": {
      "type": "structure",
      "members": {
        "encoderConfiguration": {
          "shape": "EncoderConfiguration"
        }
      }
    },
    "CreateIngestConfigurationRequest": {
      "type": "structure",
      "members": {
        "name": {
          "shape": "IngestConfigurationName"
        },
        "stageArn": {
          "shape": "IngestConfigurationStageArn"
        },
        "userId": {
          "shape": "UserId"
        },
        "attributes": {
          "shape": "ParticipantAttributes"
        },
        "ingestProtocol": {
          "shape": "IngestProtocol"
        },
        "insecureIngest": {
          "shape": "InsecureIngest",
          "default": false
        },
        "redundantIngest": {
          "shape": "RedundantIngest",
          "default": false
        },
        "tags": {
          "shape": "Tags"
        }
      },
      "required": [
        "ingestProtocol"
      ]
    },
    "CreateIngestConfigurationResponse": {
      "type": "structure",
      "members": {
        "ingestConfiguration": {
          "shape": "IngestConfiguration"
        }
      }
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
    "CreateParticipantTokenResponse": {
      "type": "structure",
      "members": {
        "participantToken": {
          "shape": "ParticipantToken"
        }
      }
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
    "CreateStageResponse": {
      "type": "structure",
      "members": {
        "stage": {
          "shape": "Stage"
        },
        "participantTokens": {
          "shape": "ParticipantTokenList"
        }
      }
    },
    "CreateStorageConfigurationRequest": {
      "type": "structure",
      "members": {
        "name": {
          "shape": "StorageConfigurationName"
        },
        "s3": {
          "shape": "S3StorageConfiguration"
        },
        "tags": {
          "shape": "Tags"
        }
      },
      "required": [
        "s3"
      ]
    },
    "CreateStorageConfigurationResponse": {
      "type": "structure",
      "members": {
        "storageConfiguration": {
          "shape": "StorageConfiguration"
        }
      }
    },
    "DeleteEncoderConfigurationRequest": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "EncoderConfigurationArn"
        }
      },
      "required": [
        "arn"
      ]
    },
    "DeleteEncoderConfigurationResponse": {
      "type": "structure",
      "members": {}
    },
    "DeleteIngestConfigurationRequest": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "IngestConfigurationArn"
        },
        "force": {
          "shape": "Boolean",
          "default": false
        }
      },
      "required": [
        "arn"
      ]
    },
    "DeleteIngestConfigurationResponse": {
      "type": "structure",
      "members": {}
    },
    "DeletePublicKeyRequest": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "PublicKeyArn"
        }
      },
      "required": [
        "arn"
      ]
    },
    "DeletePublicKeyResponse": {
      "type": "structure",
      "members": {}
    },
    "DeleteStageRequest": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "StageArn"
        }
      },
      "required": [
        "arn"
      ]
    },
    "DeleteStageResponse": {
      "type": "structure",
      "members": {}
    },
    "DeleteStorageConfigurationRequest": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "StorageConfigurationArn"
        }
      },
      "required": [
        "arn"
      ]
    },
    "DeleteStorageConfigurationResponse": {
      "type": "structure",
      "members": {}
    },
    "Destination": {
      "type": "structure",
      "members": {
        "id": {
          "shape": "String"
        },
        "state": {
          "shape": "DestinationState"
        },
        "startTime": {
          "shape": "Time"
        },
        "endTime": {
          "shape": "Time"
        },
        "configuration": {
          "shape": "DestinationConfiguration"
        },
        "detail": {
          "shape": "DestinationDetail"
        }
      },
      "required": [
        "id",
        "state",
        "configuration"
      ]
    },
    "DestinationConfiguration": {
      "type": "structure",
      "members": {
        "name": {
          "shape": "DestinationConfigurationName"
        },
        "channel": {
          "shape": "ChannelDestinationConfiguration"
        },
        "s3": {
          "shape": "S3DestinationConfiguration"
        }
      }
    },
    "DestinationConfigurationList": {
      "type": "list",
      "member": {
        "shape": "DestinationConfiguration"
      },
      "min": 1,
      "max": 2
    },
    "DestinationConfigurationName": {
      "type": "string",
      "min": 0,
      "max": 128,
      "pattern": "[a-zA-Z0-9-_]*"
    },
    "DestinationDetail": {
      "type": "structure",
      "members": {
        "s3": {
          "shape": "S3Detail"
        }
      }
    },
    "DestinationList": {
      "type": "list",
      "member": {
        "shape": "Destination"
      },
      "min": 1,
      "max": 2
    },
    "DestinationState": {
      "type": "string",
      "enum": [
        "STARTING",
        "ACTIVE",
        "STOPPING",
        "RECONNECTING",
        "FAILED",
        "STOPPED"
      ]
    },
    "DestinationSummary": {
      "type": "structure",
      "members": {
        "id": {
          "shape": "String"
        },
        "state": {
          "shape": "DestinationState"
        },
        "startTime": {
          "shape": "Time"
        },
        "endTime": {
          "shape": "Time"
        }
      },
      "required": [
        "id",
        "state"
      ]
    },
    "DestinationSummaryList": {
      "type": "list",
      "member": {
        "shape": "DestinationSummary"
      },
      "min": 1,
      "max": 2
    },
    "DisconnectParticipantReason": {
      "type": "string",
      "min": 0,
      "max": 128
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
    "DisconnectParticipantResponse": {
      "type": "structure",
      "members": {}
    },
    "EncoderConfiguration": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "EncoderConfigurationArn"
        },
        "name": {
          "shape": "EncoderConfigurationName"
        },
        "video": {
          "shape": "Video"
        },
        "tags": {
          "shape": "Tags"
        }
      },
      "required": [
        "arn"
      ]
    },
    "EncoderConfigurationArn": {
      "type": "string",
      "min": 1,
      "max": 128,
      "pattern": "arn:aws:ivs:[a-z0-9-]+:[0-9]+:encoder-configuration/[a-zA-Z0-9-]+"
    },
    "EncoderConfigurationArnList": {
      "type": "list",
      "member": {
        "shape": "EncoderConfigurationArn"
      },
      "min": 1,
      "max": 1
    },
    "EncoderConfigurationName": {
      "type": "string",
      "min": 0,
      "max": 128,
      "pattern": "[a-zA-Z0-9-_]*"
    },
    "EncoderConfigurationSummary": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "EncoderConfigurationArn"
        },
        "name": {
          "shape": "EncoderConfigurationName"
        },
        "tags": {
          "shape": "Tags"
        }
      },
      "required": [
        "arn"
      ]
    },
    "EncoderConfigurationSummaryList": {
      "type": "list",
      "member": {
        "shape": "EncoderConfigurationSummary"
      }
    },
    "Event": {
      "type": "structure",
      "members": {
        "name": {
          "shape": "EventName"
        },
        "participantId": {
          "shape": "ParticipantId"
        },
        "eventTime": {
          "shape": "Time"
        },
        "remoteParticipantId": {
          "shape": "ParticipantId"
        },
        "errorCode": {
          "shape": "EventErrorCode"
        },
        "destinationStageArn": {
          "shape": "StageArn"
        },
        "destinationSessionId": {
          "shape": "StageSessionId"
        },
        "replica": {
          "shape": "Replica",
          "default": false
        },
        "previousToken": {
          "shape": "ExchangedParticipantToken"
        },
        "newToken": {
          "shape": "ExchangedParticipantToken"
        }
      }
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
    "EventList": {
      "type": "list",
      "member": {
        "shape": "Event"
      }
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
    "ExchangedParticipantToken": {
      "type": "structure",
      "members": {
        "capabilities": {
          "shape": "ParticipantTokenCapabilities"
        },
        "attributes": {
          "shape": "ParticipantTokenAttributes"
        },
        "userId": {
          "shape": "ParticipantTokenUserId"
        },
        "expirationTime": {
          "shape": "ParticipantTokenExpirationTime"
        }
      }
    },
    "Framerate": {
      "type": "float",
      "min": 1,
      "max": 60
    },
    "GetCompositionRequest": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "CompositionArn"
        }
      },
      "required": [
        "arn"
      ]
    },
    "GetCompositionResponse": {
      "type": "structure",
      "members": {
        "composition": {
          "shape": "Composition"
        }
      }
    },
    "GetEncoderConfigurationRequest": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "EncoderConfigurationArn"
        }
      },
      "required": [
        "arn"
      ]
    },
    "GetEncoderConfigurationResponse": {
      "type": "structure",
      "members": {
        "encoderConfiguration": {
          "shape": "EncoderConfiguration"
        }
      }
    },
    "GetIngestConfigurationRequest": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "IngestConfigurationArn"
        }
      },
      "required": [
        "arn"
      ]
    },
    "GetIngestConfigurationResponse": {
      "type": "structure",
      "members": {
        "ingestConfiguration": {
          "shape": "IngestConfiguration"
        }
      }
    },
    "GetParticipantRequest": {
      "type": "structure",
      "members": {
        "stageArn": {
          "shape": "StageArn"
        },
        "sessionId": {
          "shape": "StageSessionId"
        },
        "participantId": {
          "shape": "ParticipantId"
        }
      },
      "required": [
        "stageArn",
        "sessionId",
        "participantId"
      ]
    },
    "GetParticipantResponse": {
      "type": "structure",
      "members": {
        "participant": {
          "shape": "Participant"
        }
      }
    },
    "GetPublicKeyRequest": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "PublicKeyArn"
        }
      },
      "required": [
        "arn"
      ]
    },
    "GetPublicKeyResponse": {
      "type": "structure",
      "members": {
        "publicKey": {
          "shape": "PublicKey"
        }
      }
    },
    "GetStageRequest": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "StageArn"
        }
      },
      "required": [
        "arn"
      ]
    },
    "GetStageResponse": {
      "type": "structure",
      "members": {
        "stage": {
          "shape": "Stage"
        }
      }
    },
    "GetStageSessionRequest": {
      "type": "structure",
      "members": {
        "stageArn": {
          "shape": "StageArn"
        },
        "sessionId": {
          "shape": "StageSessionId"
        }
      },
      "required": [
        "stageArn",
        "sessionId"
      ]
    },
    "GetStageSessionResponse": {
      "type": "structure",
      "members": {
        "stageSession": {
          "shape": "StageSession"
        }
      }
    },
    "GetStorageConfigurationRequest": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "StorageConfigurationArn"
        }
      },
      "required": [
        "arn"
      ]
    },
    "GetStorageConfigurationResponse": {
      "type": "structure",
      "members": {
        "storageConfiguration": {
          "shape": "StorageConfiguration"
        }
      }
    },
    "GridConfiguration": {
      "type": "structure",
      "members": {
        "featuredParticipantAttribute": {
          "shape": "AttributeKey"
        },
        "omitStoppedVideo": {
          "shape": "OmitStoppedVideo",
          "default": false
        },
        "videoAspectRatio": {
          "shape": "VideoAspectRatio"
        },
        "videoFillMode": {
          "shape": "VideoFillMode"
        },
        "gridGap": {
          "shape": "GridGap",
          "default": 0
        },
        "participantOrderAttribute": {
          "shape": "AttributeKey"
        }
      }
    },
    "GridGap": {
      "type": "integer",
      "min": 0
    },
    "Height": {
      "type": "integer",
      "min": 2,
      "max": 1920
    },
    "ImportPublicKeyRequest": {
      "type": "structure",
      "members": {
        "publicKeyMaterial": {
          "shape": "PublicKeyMaterial"
        },
        "name": {
          "shape": "PublicKeyName"
        },
        "tags": {
          "shape": "Tags"
        }
      },
      "required": [
        "publicKeyMaterial"
      ]
    },
    "ImportPublicKeyResponse": {
      "type": "structure",
      "members": {
        "publicKey": {
          "shape": "PublicKey"
        }
      }
    },
    "IngestConfiguration": {
      "type": "structure",
      "members": {
        "name": {
          "shape": "IngestConfigurationName"
        },
        "arn": {
          "shape": "IngestConfigurationArn"
        },
        "ingestProtocol": {
          "shape": "IngestProtocol"
        },
        "streamKey": {
          "shape": "StreamKey"
        },
        "stageArn": {
          "shape": "IngestConfigurationStageArn"
        },
        "participantId": {
          "shape": "ParticipantId"
        },
        "state": {
          "shape": "IngestConfigurationState"
        },
        "userId": {
          "shape": "UserId"
        },
        "redundantIngest": {
          "shape": "RedundantIngest",
          "default": false
        },
        "redundantIngestCredentials": {
          "shape": "RedundantIngestCredentials"
        },
        "attributes": {
          "shape": "ParticipantAttributes"
        },
        "tags": {
          "shape": "Tags"
        }
      },
      "required": [
        "arn",
        "ingestProtocol",
        "streamKey",
        "stageArn",
        "participantId",
        "state"
      ]
    },
    "IngestConfigurationArn": {
      "type": "string",
      "min": 1,
      "max": 128,
      "pattern": "arn:aws:ivs:[a-z0-9-]+:[0-9]+:ingest-configuration/[a-zA-Z0-9-]+"
    },
    "IngestConfigurationList": {
      "type": "list",
      "member": {
        "shape": "IngestConfigurationSummary"
      }
    },
    "IngestConfigurationName": {
      "type": "string",
      "min": 0,
      "max": 128,
      "pattern": "[a-zA-Z0-9-_]*"
    },
    "IngestConfigurationStageArn": {
      "type": "string",
      "min": 0,
      "max": 128,
      "pattern": "^$|^arn:aws:ivs:[a-z0-9-]+:[0-9]+:stage/[a-zA-Z0-9-]+$"
    },
    "IngestConfigurationState": {
      "type": "string",
      "enum": [
        "ACTIVE",
        "INACTIVE"
      ]
    },
    "IngestConfigurationSummary": {
      "type": "structure",
      "members": {
        "name": {
          "shape": "IngestConfigurationName"
        },
        "arn": {
          "shape": "IngestConfigurationArn"
        },
        "ingestProtocol": {
          "shape": "IngestProtocol"
        },
        "stageArn": {
          "shape": "IngestConfigurationStageArn"
        },
        "participantId": {
          "shape": "ParticipantId"
        },
        "state": {
          "shape": "IngestConfigurationState"
        },
        "userId": {
          "shape": "UserId"
        },
        "redundantIngest": {
          "shape": "RedundantIngest",
          "default": false
        }
      },
      "required": [
        "arn",
        "ingestProtocol",
        "stageArn",
        "participantId",
        "state"
      ]
    },
    "IngestProtocol": {
      "type": "string",
      "enum": [
        "RTMP",
        "RTMPS"
      ]
    },
    "InsecureIngest": {
      "type": "boolean"
    },
    "InternalServerException": {
      "type": "structure",
      "members": {
        "accessControlAllowOrigin": {
          "shape": "String",
          "location": "header",
          "locationName": "Access-Control-Allow-Origin"
        },
        "accessControlExposeHeaders": {
          "shape": "String",
          "location": "header",
          "locationName": "Access-Control-Expose-Headers"
        },
        "cacheControl": {
          "shape": "String",
          "location": "header",
          "locationName": "Cache-Control"
        },
        "contentSecurityPolicy": {
          "shape": "String",
          "location": "header",
          "locationName": "Content-Security-Policy"
        },
        "strictTransportSecurity": {
          "shape": "String",
          "location": "header",
          "locationName": "Strict-Transport-Security"
        },
        "xContentTypeOptions": {
          "shape": "String",
          "location": "header",
          "locationName": "X-Content-Type-Options"
        },
        "xFrameOptions": {
          "shape": "String",
          "location": "header",
          "locationName": "X-Frame-Options"
        },
        "xAmznErrorType": {
          "shape": "String",
          "location": "header",
          "locationName": "x-amzn-ErrorType"
        },
        "exceptionMessage": {
          "shape": "errorMessage"
        }
      },
      "error": {
        "httpStatusCode": 500,
        "senderFault": false
      }
    },
    "LayoutConfiguration": {
      "type": "structure",
      "members": {
        "grid": {
          "shape": "GridConfiguration"
        },
        "pip": {
          "shape": "PipConfiguration"
        }
      }
    },
    "ListCompositionsRequest": {
      "type": "structure",
      "members": {
        "filterByStageArn": {
          "shape": "StageArn"
        },
        "filterByEncoderConfigurationArn": {
          "shape": "EncoderConfigurationArn"
        },
        "nextToken": {
          "shape": "PaginationToken"
        },
        "maxResults": {
          "shape": "MaxCompositionResults"
        }
      }
    },
    "ListCompositionsResponse": {
      "type": "structure",
      "members": {
        "compositions": {
          "shape": "CompositionSummaryList"
        },
        "nextToken": {
          "shape": "PaginationToken"
        }
      },
      "required": [
        "compositions"
      ]
    },
    "ListEncoderConfigurationsRequest": {
      "type": "structure",
      "members": {
        "nextToken": {
          "shape": "PaginationToken"
        },
        "maxResults": {
          "shape": "MaxEncoderConfigurationResults"
        }
      }
    },
    "ListEncoderConfigurationsResponse": {
      "type": "structure",
      "members": {
        "encoderConfigurations": {
          "shape": "EncoderConfigurationSummaryList"
        },
        "nextToken": {
          "shape": "PaginationToken"
        }
      },
      "required": [
        "encoderConfigurations"
      ]
    },
    "ListIngestConfigurationsRequest": {
      "type": "structure",
      "members": {
        "filterByStageArn": {
          "shape": "StageArn"
        },
        "filterByState": {
          "shape": "IngestConfigurationState"
        },
        "nextToken": {
          "shape": "PaginationToken"
        },
        "maxResults": {
          "shape": "MaxIngestConfigurationResults"
        }
      }
    },
    "ListIngestConfigurationsResponse": {
      "type": "structure",
      "members": {
        "ingestConfigurations": {
          "shape": "IngestConfigurationList"
        },
        "nextToken": {
          "shape": "PaginationToken"
        }
      },
      "required": [
        "ingestConfigurations"
      ]
    },
    "ListParticipantEventsRequest": {
      "type": "structure",
      "members": {
        "stageArn": {
          "shape": "StageArn"
        },
        "sessionId": {
          "shape": "StageSessionId"
        },
        "participantId": {
          "shape": "ParticipantId"
        },
        "nextToken": {
          "shape": "PaginationToken"
        },
        "maxResults": {
          "shape": "MaxParticipantEventResults"
        }
      },
      "required": [
        "stageArn",
        "sessionId",
        "participantId"
      ]
    },
    "ListParticipantEventsResponse": {
      "type": "structure",
      "members": {
        "events": {
          "shape": "EventList"
        },
        "nextToken": {
          "shape": "PaginationToken"
        }
      },
      "required": [
        "events"
      ]
    },
    "ListParticipantReplicasRequest": {
      "type": "structure",
      "members": {
        "sourceStageArn": {
          "shape": "StageArn"
        },
        "participantId": {
          "shape": "ParticipantId"
        },
        "nextToken": {
          "shape": "PaginationToken"
        },
        "maxResults": {
          "shape": "MaxParticipantReplicaResults"
        }
      },
      "required": [
        "sourceStageArn",
        "participantId"
      ]
    },
    "ListParticipantReplicasResponse": {
      "type": "structure",
      "members": {
        "replicas": {
          "shape": "ParticipantReplicaList"
        },
        "nextToken": {
          "shape": "PaginationToken"
        }
      },
      "required": [
        "replicas"
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
    },
    "ListParticipantsResponse": {
      "type": "structure",
      "members": {
        "participants": {
          "shape": "ParticipantList"
        },
        "nextToken": {
          "shape": "PaginationToken"
        }
      },
      "required": [
        "participants"
      ]
    },
    "ListPublicKeysRequest": {
      "type": "structure",
      "members": {
        "nextToken": {
          "shape": "PaginationToken"
        },
        "maxResults": {
          "shape": "MaxPublicKeyResults"
        }
      }
    },
    "ListPublicKeysResponse": {
      "type": "structure",
      "members": {
        "publicKeys": {
          "shape": "PublicKeyList"
        },
        "nextToken": {
          "shape": "PaginationToken"
        }
      },
      "required": [
        "publicKeys"
      ]
    },
    "ListStageSessionsRequest": {
      "type": "structure",
      "members": {
        "stageArn": {
          "shape": "StageArn"
        },
        "nextToken": {
          "shape": "PaginationToken"
        },
        "maxResults": {
          "shape": "MaxStageSessionResults"
        }
      },
      "required": [
        "stageArn"
      ]
    },
    "ListStageSessionsResponse": {
      "type": "structure",
      "members": {
        "stageSessions": {
          "shape": "StageSessionList"
        },
        "nextToken": {
          "shape": "PaginationToken"
        }
      },
      "required": [
        "stageSessions"
      ]
    },
    "ListStagesRequest": {
      "type": "structure",
      "members": {
        "nextToken": {
          "shape": "PaginationToken"
        },
        "maxResults": {
          "shape": "MaxStageResults"
        }
      }
    },
    "ListStagesResponse": {
      "type": "structure",
      "members": {
        "stages": {
          "shape": "StageSummaryList"
        },
        "nextToken": {
          "shape": "PaginationToken"
        }
      },
      "required": [
        "stages"
      ]
    },
    "ListStorageConfigurationsRequest": {
      "type": "structure",
      "members": {
        "nextToken": {
          "shape": "PaginationToken"
        },
        "maxResults": {
          "shape": "MaxStorageConfigurationResults"
        }
      }
    },
    "ListStorageConfigurationsResponse": {
      "type": "structure",
      "members": {
        "storageConfigurations": {
          "shape": "StorageConfigurationSummaryList"
        },
        "nextToken": {
          "shape": "PaginationToken"
        }
      },
      "required": [
        "storageConfigurations"
      ]
    },
    "ListTagsForResourceRequest": {
      "type": "structure",
      "members": {
        "resourceArn": {
          "shape": "ResourceArn",
          "location": "uri",
          "locationName": "resourceArn"
        }
      },
      "required": [
        "resourceArn"
      ]
    },
    "ListTagsForResourceResponse": {
      "type": "structure",
      "members": {
        "tags": {
          "shape": "Tags"
        }
      },
      "required": [
        "tags"
      ]
    },
    "MaxCompositionResults": {
      "type": "integer",
      "min": 1,
      "max": 100
    },
    "MaxEncoderConfigurationResults": {
      "type": "integer",
      "min": 1,
      "max": 100
    },
    "MaxIngestConfigurationResults": {
      "type": "integer",
      "min": 1,
      "max": 100
    },
    "MaxParticipantEventResults": {
      "type": "integer",
      "min": 1,
      "max": 100
    },
    "MaxParticipantReplicaResults": {
      "type": "integer",
      "min": 1,
      "max": 50
    },
    "MaxParticipantResults": {
      "type": "integer",
      "min": 1,
      "max": 100
    },
    "MaxPublicKeyResults": {
      "type": "integer",
      "min": 1,
      "max": 100
    },
    "MaxStageResults": {
      "type": "integer",
      "min": 1,
      "max": 100
    },
    "MaxStageSessionResults": {
      "type": "integer",
      "min": 1,
      "max": 100
    },
    "MaxStorageConfigurationResults": {
      "type": "integer",
      "min": 1,
      "max": 100
    },
    "OmitStoppedVideo": {
      "type": "boolean"
    },
    "PaginationToken": {
      "type": "string",
      "min": 0,
      "max": 1024,
      "pattern": "[a-zA-Z0-9+/=_-]*"
    },
    "Participant": {
      "type": "structure",
      "members": {
        "participantId": {
          "shape": "ParticipantId"
        },
        "userId": {
          "shape": "UserId"
        },
        "state": {
          "shape": "ParticipantState"
        },
        "firstJoinTime": {
          "shape": "Time"
        },
        "attributes": {
          "shape": "ParticipantAttributes"
        },
        "published": {
          "shape": "Published",
          "default": false
        },
        "ispName": {
          "shape": "ParticipantClientAttribute"
        },
        "osName": {
          "shape": "ParticipantClientAttribute"
        },
        "osVersion": {
          "shape": "ParticipantClientAttribute"
        },
        "browserName": {
          "shape": "ParticipantClientAttribute"
        },
        "browserVersion": {
          "shape": "ParticipantClientAttribute"
        },
        "sdkVersion": {
          "shape": "ParticipantClientAttribute"
        },
        "recordingS3BucketName": {
          "shape": "ParticipantRecordingS3BucketName"
        },
        "recordingS3Prefix": {
          "shape": "ParticipantRecordingS3Prefix"
        },
        "recordingState": {
          "shape": "ParticipantRecordingState"
        },
        "protocol": {
          "shape": "ParticipantProtocol"
        },
        "replicationType": {
          "shape": "ReplicationType"
        },
        "replicationState": {
          "shape": "ReplicationState"
        },
        "sourceStageArn": {
          "shape": "StageArn"
        },
        "sourceSessionId": {
          "shape": "StageSessionId"
        },
        "redundantIngest": {
          "shape": "RedundantIngest",
          "default": false
        },
        "ingestConfigurationArn": {
          "shape": "IngestConfigurationArn"
        }
      }
    },
    "ParticipantAttributes": {
      "type": "map",
      "key": {
        "shape": "String"
      },
      "value": {
        "shape": "String"
      }
    },
    "ParticipantClientAttribute": {
      "type": "string",
      "min": 0,
      "max": 128,
      "pattern": "[a-zA-Z0-9-_.,:;\\s]*"
    },
    "ParticipantId": {
      "type": "string",
      "min": 0,
      "max": 64,
      "pattern": "[a-zA-Z0-9-]*"
    },
    "ParticipantList": {
      "type": "list",
      "member": {
        "shape": "ParticipantSummary"
      }
    },
    "ParticipantProtocol": {
      "type": "string",
      "enum": [
        "UNKNOWN",
        "WHIP",
        "RTMP",
        "RTMPS"
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
    "ParticipantRecordingHlsConfiguration": {
      "type": "structure",
      "members": {
        "targetSegmentDurationSeconds": {
          "shape": "ParticipantRecordingTargetSegmentDurationSeconds"
        }
      }
    },
    "ParticipantRecordingMediaType": {
      "type": "string",
      "enum": [
        "AUDIO_VIDEO",
        "AUDIO_ONLY",
        "NONE"
      ]
    },
    "ParticipantRecordingMediaTypeList": {
      "type": "list",
      "member": {
        "shape": "ParticipantRecordingMediaType"
      },
      "min": 0,
      "max": 1
    },
    "ParticipantRecordingReconnectWindowSeconds": {
      "type": "integer",
      "min": 0,
      "max": 300
    },
    "ParticipantRecordingS3BucketName": {
      "type": "string",
      "min": 0,
      "max": 63,
      "pattern": "[a-z0-9-.]*"
    },
    "ParticipantRecordingS3Prefix": {
      "type": "string",
      "min": 0,
      "max": 256,
      "pattern": "[a-zA-Z0-9-]*"
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
    "ParticipantRecordingTargetSegmentDurationSeconds": {
      "type": "integer",
      "min": 2,
      "max": 10
    },
    "ParticipantReplica": {
      "type": "structure",
      "members": {
        "sourceStageArn": {
          "shape": "StageArn"
        },
        "participantId": {
          "shape": "ParticipantId"
        },
        "sourceSessionId": {
          "shape": "StageSessionId"
        },
        "destinationStageArn": {
          "shape": "StageArn"
        },
        "destinationSessionId": {
          "shape": "StageSessionId"
        },
        "replicationState": {
          "shape": "ReplicationState"
        }
      },
      "required": [
        "sourceStageArn",
        "participantId",
        "sourceSessionId",
        "destinationStageArn",
        "destinationSessionId",
        "replicationState"
      ]
    },
    "ParticipantReplicaList": {
      "type": "list",
      "member": {
        "shape": "ParticipantReplica"
      }
    },
    "ParticipantState": {
      "type": "string",
      "enum": [
        "CONNECTED",
        "DISCONNECTED"
      ]
    },
    "ParticipantSummary": {
      "type": "structure",
      "members": {
        "participantId": {
          "shape": "ParticipantId"
        },
        "userId": {
          "shape": "UserId"
        },
        "state": {
          "shape": "ParticipantState"
        },
        "firstJoinTime": {
          "shape": "Time"
        },
        "published": {
          "shape": "Published",
          "default": false
        },
        "recordingState": {
          "shape": "ParticipantRecordingState"
        },
        "replicationType": {
          "shape": "ReplicationType"
        },
        "replicationState": {
          "shape": "ReplicationState"
        },
        "sourceStageArn": {
          "shape": "StageArn"
        },
        "sourceSessionId": {
          "shape": "StageSessionId"
        },
        "redundantIngest": {
          "shape": "RedundantIngest",
          "default": false
        },
        "ingestConfigurationArn": {
          "shape": "IngestConfigurationArn"
        }
      }
    },
    "ParticipantThumbnailConfiguration": {
      "type": "structure",
      "members": {
        "targetIntervalSeconds": {
          "shape": "ThumbnailIntervalSeconds"
        },
        "storage": {
          "shape": "ThumbnailStorageTypeList"
        },
        "recordingMode": {
          "shape": "ThumbnailRecordingMode"
        }
      }
    },
    "ParticipantToken": {
      "type": "structure",
      "members": {
        "participantId": {
          "shape": "ParticipantTokenId"
        },
        "token": {
          "shape": "ParticipantTokenString"
        },
        "userId": {
          "shape": "ParticipantTokenUserId"
        },
        "attributes": {
          "shape": "ParticipantTokenAttributes"
        },
        "duration": {
          "shape": "ParticipantTokenDurationMinutes"
        },
        "capabilities": {
          "shape": "ParticipantTokenCapabilities"
        },
        "expirationTime": {
          "shape": "ParticipantTokenExpirationTime"
        }
      }
    },
    "ParticipantTokenAttributes": {
      "type": "map",
      "key": {
        "shape": "String"
      },
      "value": {
        "shape": "String"
      }
    },
    "ParticipantTokenCapabilities": {
      "type": "list",
      "member": {
        "shape": "ParticipantTokenCapability"
      },
      "min": 0,
      "max": 2
    },
    "ParticipantTokenCapability": {
      "type": "string",
      "enum": [
        "PUBLISH",
        "SUBSCRIBE"
      ]
    },
    "ParticipantTokenConfiguration": {
      "type": "structure",
      "members": {
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
      }
    },
    "ParticipantTokenConfigurations": {
      "type": "list",
      "member": {
        "shape": "ParticipantTokenConfiguration"
      },
      "min": 0,
      "max": 12
    },
    "ParticipantTokenDurationMinutes": {
      "type": "integer",
      "min": 1,
      "max": 20160
    },
    "ParticipantTokenExpirationTime": {
      "type": "timestamp",
      "timestampFormat": "iso8601"
    },
    "ParticipantTokenId": {
      "type": "string",
      "min": 0,
      "max": 64,
      "pattern": "[a-zA-Z0-9-_]*"
    },
    "ParticipantTokenList": {
      "type": "list",
      "member": {
        "shape": "ParticipantToken"
      }
    },
    "ParticipantTokenString": {
      "type": "string",
      "sensitive": true
    },
    "ParticipantTokenUserId": {
      "type": "string",
      "min": 0,
      "max": 128
    },
    "PendingVerification": {
      "type": "structure",
      "members": {
        "accessControlAllowOrigin": {
          "shape": "String",
          "location": "header",
          "locationName": "Access-Control-Allow-Origin"
        },
        "accessControlExposeHeaders": {
          "shape": "String",
          "location": "header",
          "locationName": "Access-Control-Expose-Headers"
        },
        "cacheControl": {
          "shape": "String",
          "location": "header",
          "locationName": "Cache-Control"
        },
        "contentSecurityPolicy": {
          "shape": "String",
          "location": "header",
          "locationName": "Content-Security-Policy"
        },
        "strictTransportSecurity": {
          "shape": "String",
          "location": "header",
          "locationName": "Strict-Transport-Security"
        },
        "xContentTypeOptions": {
          "shape": "String",
          "location": "header",
          "locationName": "X-Content-Type-Options"
        },
        "xFrameOptions": {
          "shape": "String",
          "location": "header",
          "locationName": "X-Frame-Options"
        },
        "xAmznErrorType": {
          "shape": "String",
          "location": "header",
          "locationName": "x-amzn-ErrorType"
        },
        "exceptionMessage": {
          "shape": "errorMessage"
        }
      },
      "error": {
        "httpStatusCode": 403,
        "senderFault": true
      }
    },
    "PipBehavior": {
      "type": "string",
      "enum": [
        "STATIC",
        "DYNAMIC"
      ]
    },
    "PipConfiguration": {
      "type": "structure",
      "members": {
        "featuredParticipantAttribute": {
          "shape": "AttributeKey"
        },
        "omitStoppedVideo": {
          "shape": "OmitStoppedVideo",
          "default": false
        },
        "videoFillMode": {
          "shape": "VideoFillMode"
        },
        "gridGap": {
          "shape": "GridGap",
          "default": 0
        },
        "pipParticipantAttribute": {
          "shape": "AttributeKey"
        },
        "pipBehavior": {
          "shape": "PipBehavior"
        },
        "pipOffset": {
          "shape": "PipOffset",
          "default": 0
        },
        "pipPosition": {
          "shape": "PipPosition"
        },
        "pipWidth": {
          "shape": "PipWidth"
        },
        "pipHeight": {
          "shape": "PipHeight"
        },
        "participantOrderAttribute": {
          "shape": "AttributeKey"
        }
      }
    },
    "PipHeight": {
      "type": "integer",
      "min": 1
    },
    "PipOffset": {
      "type": "integer",
      "min": 0
    },
    "PipPosition": {
      "type": "string",
      "enum": [
        "TOP_LEFT",
        "TOP_RIGHT",
        "BOTTOM_LEFT",
        "BOTTOM_RIGHT"
      ]
    },
    "PipWidth": {
      "type": "integer",
      "min": 1
    },
    "PublicKey": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "PublicKeyArn"
        },
        "name": {
          "shape": "PublicKeyName"
        },
        "publicKeyMaterial": {
          "shape": "PublicKeyMaterial"
        },
        "fingerprint": {
          "shape": "PublicKeyFingerprint"
        },
        "tags": {
          "shape": "Tags"
        }
      }
    },
    "PublicKeyArn": {
      "type": "string",
      "min": 1,
      "max": 128,
      "pattern": "arn:aws:ivs:[a-z0-9-]+:[0-9]+:public-key/[a-zA-Z0-9-]+"
    },
    "PublicKeyFingerprint": {
      "type": "string"
    },
    "PublicKeyList": {
      "type": "list",
      "member": {
        "shape": "PublicKeySummary"
      }
    },
    "PublicKeyMaterial": {
      "type": "string",
      "pattern": ".*-----BEGIN PUBLIC KEY-----\\r?\\n([a-zA-Z0-9+/=\\r\\n]+)\\r?\\n-----END PUBLIC KEY-----(\\r?\\n)?.*"
    },
    "PublicKeyName": {
      "type": "string",
      "min": 0,
      "max": 128,
      "pattern": "[a-zA-Z0-9-_]*"
    },
    "PublicKeySummary": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "PublicKeyArn"
        },
        "name": {
          "shape": "PublicKeyName"
        },
        "tags": {
          "shape": "Tags"
        }
      }
    },
    "Published": {
      "type": "boolean"
    },
    "ReconnectWindowSeconds": {
      "type": "integer",
      "min": 0,
      "max": 300
    },
    "RecordParticipantReplicas": {
      "type": "boolean"
    },
    "RecordingConfiguration": {
      "type": "structure",
      "members": {
        "hlsConfiguration": {
          "shape": "CompositionRecordingHlsConfiguration"
        },
        "format": {
          "shape": "RecordingConfigurationFormat"
        }
      }
    },
    "RecordingConfigurationFormat": {
      "type": "string",
      "enum": [
        "HLS"
      ]
    },
    "RedundantIngest": {
      "type": "boolean"
    },
    "RedundantIngestCredential": {
      "type": "structure",
      "members": {
        "participantId": {
          "shape": "ParticipantId"
        },
        "streamKey": {
          "shape": "StreamKey"
        }
      }
    },
    "RedundantIngestCredentials": {
      "type": "list",
      "member": {
        "shape": "RedundantIngestCredential"
      }
    },
    "Replica": {
      "type": "boolean"
    },
    "ReplicationState": {
      "type": "string",
      "enum": [
        "ACTIVE",
        "STOPPED"
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
    "ResourceArn": {
      "type": "string",
      "min": 1,
      "max": 128,
      "pattern": "arn:aws:ivs:[a-z0-9-]+:[0-9]+:[a-z-]/[a-zA-Z0-9-]+"
    },
    "ResourceNotFoundException": {
      "type": "structure",
      "members": {
        "accessControlAllowOrigin": {
          "shape": "String",
          "location": "header",
          "locationName": "Access-Control-Allow-Origin"
        },
        "accessControlExposeHeaders": {
          "shape": "String",
          "location": "header",
          "locationName": "Access-Control-Expose-Headers"
        },
        "cacheControl": {
          "shape": "String",
          "location": "header",
          "locationName": "Cache-Control"
        },
        "contentSecurityPolicy": {
          "shape": "String",
          "location": "header",
          "locationName": "Content-Security-Policy"
        },
        "strictTransportSecurity": {
          "shape": "String",
          "location": "header",
          "locationName": "Strict-Transport-Security"
        },
        "xContentTypeOptions": {
          "shape": "String",
          "location": "header",
          "locationName": "X-Content-Type-Options"
        },
        "xFrameOptions": {
          "shape": "String",
          "location": "header",
          "locationName": "X-Frame-Options"
        },
        "xAmznErrorType": {
          "shape": "String",
          "location": "header",
          "locationName": "x-amzn-ErrorType"
        },
        "exceptionMessage": {
          "shape": "errorMessage"
        }
      },
      "error": {
        "httpStatusCode": 404,
        "senderFault": true
      }
    },
    "S3BucketName": {
      "type": "string",
      "min": 3,
      "max": 63,
      "pattern": "[a-z0-9-.]+"
    },
    "S3DestinationConfiguration": {
      "type": "structure",
      "members": {
        "storageConfigurationArn": {
          "shape": "StorageConfigurationArn"
        },
        "encoderConfigurationArns": {
          "shape": "EncoderConfigurationArnList"
        },
        "recordingConfiguration": {
          "shape": "RecordingConfiguration"
        },
        "thumbnailConfigurations": {
          "shape": "CompositionThumbnailConfigurationList"
        }
      },
      "required": [
        "storageConfigurationArn",
        "encoderConfigurationArns"
      ]
    },
    "S3Detail": {
      "type": "structure",
      "members": {
        "recordingPrefix": {
          "shape": "String"
        }
      },
      "required": [
        "recordingPrefix"
      ]
    },
    "S3StorageConfiguration": {
      "type": "structure",
      "members": {
        "bucketName": {
          "shape": "S3BucketName"
        }
      },
      "required": [
        "bucketName"
      ]
    },
    "ServiceQuotaExceededException": {
      "type": "structure",
      "members": {
        "accessControlAllowOrigin": {
          "shape": "String",
          "location": "header",
          "locationName": "Access-Control-Allow-Origin"
        },
        "accessControlExposeHeaders": {
          "shape": "String",
          "location": "header",
          "locationName": "Access-Control-Expose-Headers"
        },
        "cacheControl": {
          "shape": "String",
          "location": "header",
          "locationName": "Cache-Control"
        },
        "contentSecurityPolicy": {
          "shape": "String",
          "location": "header",
          "locationName": "Content-Security-Policy"
        },
        "strictTransportSecurity": {
          "shape": "String",
          "location": "header",
          "locationName": "Strict-Transport-Security"
        },
        "xContentTypeOptions": {
          "shape": "String",
          "location": "header",
          "locationName": "X-Content-Type-Options"
        },
        "xFrameOptions": {
          "shape": "String",
          "location": "header",
          "locationName": "X-Frame-Options"
        },
        "xAmznErrorType": {
          "shape": "String",
          "location": "header",
          "locationName": "x-amzn-ErrorType"
        },
        "exceptionMessage": {
          "shape": "errorMessage"
        }
      },
      "error": {
        "httpStatusCode": 402,
        "senderFault": true
      }
    },
    "Stage": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "StageArn"
        },
        "name": {
          "shape": "StageName"
        },
        "activeSessionId": {
          "shape": "StageSessionId"
        },
        "tags": {
          "shape": "Tags"
        },
        "autoParticipantRecordingConfiguration": {
          "shape": "AutoParticipantRecordingConfiguration"
        },
        "endpoints": {
          "shape": "StageEndpoints"
        }
      },
      "required": [
        "arn"
      ]
    },
    "StageArn": {
      "type": "string",
      "min": 1,
      "max": 128,
      "pattern": "arn:aws:ivs:[a-z0-9-]+:[0-9]+:stage/[a-zA-Z0-9-]+"
    },
    "StageEndpoint": {
      "type": "string",
      "min": 0,
      "max": 2048
    },
    "StageEndpoints": {
      "type": "structure",
      "members": {
        "events": {
          "shape": "StageEndpoint"
        },
        "whip": {
          "shape": "StageEndpoint"
        },
        "rtmp": {
          "shape": "StageEndpoint"
        },
        "rtmps": {
          "shape": "StageEndpoint"
        }
      }
    },
    "StageName": {
      "type": "string",
      "min": 0,
      "max": 128,
      "pattern": "[a-zA-Z0-9-_]*"
    },
    "StageSession": {
      "type": "structure",
      "members": {
        "sessionId": {
          "shape": "StageSessionId"
        },
        "startTime": {
          "shape": "Time"
        },
        "endTime": {
          "shape": "Time"
        }
      }
    },
    "StageSessionId": {
      "type": "string",
      "min": 16,
      "max": 16,
      "pattern": "st-[a-zA-Z0-9]+"
    },
    "StageSessionList": {
      "type": "list",
      "member": {
        "shape": "StageSessionSummary"
      }
    },
    "StageSessionSummary": {
      "type": "structure",
      "members": {
        "sessionId": {
          "shape": "StageSessionId"
        },
        "startTime": {
          "shape": "Time"
        },
        "endTime": {
          "shape": "Time"
        }
      }
    },
    "StageSummary": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "StageArn"
        },
        "name": {
          "shape": "StageName"
        },
        "activeSessionId": {
          "shape": "StageSessionId"
        },
        "tags": {
          "shape": "Tags"
        }
      },
      "required": [
        "arn"
      ]
    },
    "StageSummaryList": {
      "type": "list",
      "member": {
        "shape": "StageSummary"
      }
    },
    "StartCompositionRequest": {
      "type": "structure",
      "members": {
        "stageArn": {
          "shape": "StageArn"
        },
        "idempotencyToken": {
          "shape": "CompositionClientToken"
        },
        "layout": {
          "shape": "LayoutConfiguration"
        },
        "destinations": {
          "shape": "DestinationConfigurationList"
        },
        "tags": {
          "shape": "Tags"
        }
      },
      "required": [
        "stageArn",
        "destinations"
      ]
    },
    "StartCompositionResponse": {
      "type": "structure",
      "members": {
        "composition": {
          "shape": "Composition"
        }
      }
    },
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
    "StartParticipantReplicationResponse": {
      "type": "structure",
      "members": {
        "accessControlAllowOrigin": {
          "shape": "String",
          "location": "header",
          "locationName": "Access-Control-Allow-Origin"
        },
        "accessControlExposeHeaders": {
          "shape": "String",
          "location": "header",
          "locationName": "Access-Control-Expose-Headers"
        },
        "cacheControl": {
          "shape": "String",
          "location": "header",
          "locationName": "Cache-Control"
        },
        "contentSecurityPolicy": {
          "shape": "String",
          "location": "header",
          "locationName": "Content-Security-Policy"
        },
        "strictTransportSecurity": {
          "shape": "String",
          "location": "header",
          "locationName": "Strict-Transport-Security"
        },
        "xContentTypeOptions": {
          "shape": "String",
          "location": "header",
          "locationName": "X-Content-Type-Options"
        },
        "xFrameOptions": {
          "shape": "String",
          "location": "header",
          "locationName": "X-Frame-Options"
        }
      }
    },
    "StopCompositionRequest": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "CompositionArn"
        }
      },
      "required": [
        "arn"
      ]
    },
    "StopCompositionResponse": {
      "type": "structure",
      "members": {}
    },
    "StopParticipantReplicationRequest": {
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
        }
      },
      "required": [
        "sourceStageArn",
        "destinationStageArn",
        "participantId"
      ]
    },
    "StopParticipantReplicationResponse": {
      "type": "structure",
      "members": {
        "accessControlAllowOrigin": {
          "shape": "String",
          "location": "header",
          "locationName": "Access-Control-Allow-Origin"
        },
        "accessControlExposeHeaders": {
          "shape": "String",
          "location": "header",
          "locationName": "Access-Control-Expose-Headers"
        },
        "cacheControl": {
          "shape": "String",
          "location": "header",
          "locationName": "Cache-Control"
        },
        "contentSecurityPolicy": {
          "shape": "String",
          "location": "header",
          "locationName": "Content-Security-Policy"
        },
        "strictTransportSecurity": {
          "shape": "String",
          "location": "header",
          "locationName": "Strict-Transport-Security"
        },
        "xContentTypeOptions": {
          "shape": "String",
          "location": "header",
          "locationName": "X-Content-Type-Options"
        },
        "xFrameOptions": {
          "shape": "String",
          "location": "header",
          "locationName": "X-Frame-Options"
        }
      }
    },
    "StorageConfiguration": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "StorageConfigurationArn"
        },
        "name": {
          "shape": "StorageConfigurationName"
        },
        "s3": {
          "shape": "S3StorageConfiguration"
        },
        "tags": {
          "shape": "Tags"
        }
      },
      "required": [
        "arn"
      ]
    },
    "StorageConfigurationArn": {
      "type": "string",
      "min": 1,
      "max": 128,
      "pattern": "arn:aws:ivs:[a-z0-9-]+:[0-9]+:storage-configuration/[a-zA-Z0-9-]+"
    },
    "StorageConfigurationName": {
      "type": "string",
      "min": 0,
      "max": 128,
      "pattern": "[a-zA-Z0-9-_]*"
    },
    "StorageConfigurationSummary": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "StorageConfigurationArn"
        },
        "name": {
          "shape": "StorageConfigurationName"
        },
        "s3": {
          "shape": "S3StorageConfiguration"
        },
        "tags": {
          "shape": "Tags"
        }
      },
      "required": [
        "arn"
      ]
    },
    "StorageConfigurationSummaryList": {
      "type": "list",
      "member": {
        "shape": "StorageConfigurationSummary"
      }
    },
    "StreamKey": {
      "type": "string",
      "pattern": "rt_[0-9]+_[a-z0-9-]+_[a-zA-Z0-9-]+_.+",
      "sensitive": true
    },
    "String": {
      "type": "string"
    },
    "TagKey": {
      "type": "string",
      "min": 1,
      "max": 128
    },
    "TagKeyList": {
      "type": "list",
      "member": {
        "shape": "TagKey"
      },
      "min": 0,
      "max": 50
    },
    "TagResourceRequest": {
      "type": "structure",
      "members": {
        "resourceArn": {
          "shape": "ResourceArn",
          "location": "uri",
          "locationName": "resourceArn"
        },
        "tags": {
          "shape": "Tags"
        }
      },
      "required": [
        "resourceArn",
        "tags"
      ]
    },
    "TagResourceResponse": {
      "type": "structure",
      "members": {}
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
    "ThumbnailIntervalSeconds": {
      "type": "integer",
      "min": 1,
      "max": 86400
    },
    "ThumbnailRecordingMode": {
      "type": "string",
      "enum": [
        "INTERVAL",
        "DISABLED"
      ]
    },
    "ThumbnailStorageType": {
      "type": "string",
      "enum": [
        "SEQUENTIAL",
        "LATEST"
      ]
    },
    "ThumbnailStorageTypeList": {
      "type": "list",
      "member": {
        "shape": "ThumbnailStorageType"
      },
      "min": 0,
      "max": 2
    },
    "Time": {
      "type": "timestamp",
      "timestampFormat": "iso8601"
    },
    "UntagResourceRequest": {
      "type": "structure",
      "members": {
        "resourceArn": {
          "shape": "ResourceArn",
          "location": "uri",
          "locationName": "resourceArn"
        },
        "tagKeys": {
          "shape": "TagKeyList",
          "location": "querystring",
          "locationName": "tagKeys"
        }
      },
      "required": [
        "resourceArn",
        "tagKeys"
      ]
    },
    "UntagResourceResponse": {
      "type": "structure",
      "members": {}
    },
    "UpdateIngestConfigurationRequest": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "IngestConfigurationArn"
        },
        "stageArn": {
          "shape": "IngestConfigurationStageArn"
        },
        "redundantIngest": {
          "shape": "RedundantIngest",
          "default": false
        }
      },
      "required": [
        "arn"
      ]
    },
    "UpdateIngestConfigurationResponse": {
      "type": "structure",
      "members": {
        "ingestConfiguration": {
          "shape": "IngestConfiguration"
        }
      }
    },
    "UpdateStageRequest": {
      "type": "structure",
      "members": {
        "arn": {
          "shape": "StageArn"
        },
        "name": {
          "shape": "StageName"
        },
        "autoParticipantRecordingConfiguration": {
          "shape": "AutoParticipantRecordingConfiguration"
        }
      },
      "required": [
        "arn"
      ]
    },
    "UpdateStageResponse": {
      "type": "structure",
      "members": {
        "stage": {
          "shape": "Stage"
        }
      }
    },
    "UserId": {
      "type": "string",
      "min": 0,
      "max": 128
    },
    "ValidationException": {
      "type": "structure",
      "members": {
        "accessControlAllowOrigin": {
          "shape": "String",
          "location": "header",
          "locationName": "Access-Control-Allow-Origin"
        },
        "accessControlExposeHeaders": {
          "shape": "String",
          "location": "header",
          "locationName": "Access-Control-Expose-Headers"
        },
        "cacheControl": {
          "shape": "String",
          "location": "header",
          "locationName": "Cache-Control"
        },
        "contentSecurityPolicy": {
          "shape": "String",
          "location": "header",
          "locationName": "Content-Security-Policy"
        },
        "strictTransportSecurity": {
          "shape": "String",
          "location": "header",
          "locationName": "Strict-Transport-Security"
        },
        "xContentTypeOptions": {
          "shape": "String",
          "location": "header",
          "locationName": "X-Content-Type-Options"
        },
        "xFrameOptions": {
          "shape": "String",
          "location": "header",
          "locationName": "X-Frame-Options"
        },
        "xAmznErrorType": {
          "shape": "String",
          "location": "header",
          "locationName": "x-amzn-ErrorType"
        },
        "exceptionMessage": {
          "shape": "errorMessage"
        }
      },
      "error": {
        "httpStatusCode": 400,
        "senderFault": true
      }
    },
    "Video": {
      "type": "structure",
      "members": {
        "width": {
          "shape": "Width"
        },
        "height": {
          "shape": "Height"
        },
        "framerate": {
          "shape": "Framerate"
        },
        "bitrate": {
          "shape": "Bitrate"
        }
      }
    },
    "VideoAspectRatio": {
      "type": "string",
      "enum": [
        "AUTO",
        "VIDEO",
        "SQUARE",
        "PORTRAIT"
      ]
    },
    "VideoFillMode": {
      "type": "string",
      "enum": [
        "FILL",
        "COVER",
        "CONTAIN"
      ]
    },
    "Width": {
      "type": "integer",
      "min": 2,
      "max": 1920
    },
    "errorMessage": {
      "type": "string"
    }
  }
};
