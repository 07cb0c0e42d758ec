// Generated from shared/cognito-identity/service-2.json (apiVersion 2014-06-30) by scripts/gen-model.ts; do not edit.
// Run `npm run gen:model` after a model change and commit the diff.
import type { ServiceModel } from '../types.ts';

export const cognitoIdentityModel: ServiceModel = {
  "source": "shared/cognito-identity/service-2.json",
  "apiVersion": "2014-06-30",
  "metadata": {
    "protocol": "json",
    "endpointPrefix": "cognito-identity",
    "targetPrefix": "AWSCognitoIdentityService",
    "jsonVersion": "1.1"
  },
  "operations": {
    "GetId": {
      "name": "GetId",
      "http": {
        "method": "POST",
        "requestUri": "/",
        "responseCode": 200
      },
      "errors": [
        "ExternalServiceException",
        "InternalErrorException",
        "InvalidParameterException",
        "LimitExceededException",
        "NotAuthorizedException",
        "ResourceConflictException",
        "ResourceNotFoundException",
        "TooManyRequestsException"
      ],
      "input": "GetIdInput",
      "output": "GetIdResponse"
    },
    "GetCredentialsForIdentity": {
      "name": "GetCredentialsForIdentity",
      "http": {
        "method": "POST",
        "requestUri": "/",
        "responseCode": 200
      },
      "errors": [
        "ExternalServiceException",
        "InternalErrorException",
        "InvalidIdentityPoolConfigurationException",
        "InvalidParameterException",
        "NotAuthorizedException",
        "ResourceConflictException",
        "ResourceNotFoundException",
        "TooManyRequestsException"
      ],
      "input": "GetCredentialsForIdentityInput",
      "output": "GetCredentialsForIdentityResponse"
    }
  },
  "shapes": {
    "AccessKeyString": {
      "type": "string"
    },
    "AccountId": {
      "type": "string",
      "min": 1,
      "max": 15,
      "pattern": "\\d+"
    },
    "ARNString": {
      "type": "string",
      "min": 20,
      "max": 2048
    },
    "Credentials": {
      "type": "structure",
      "members": {
        "AccessKeyId": {
          "shape": "AccessKeyString"
        },
        "SecretKey": {
          "shape": "SecretKeyString"
        },
        "SessionToken": {
          "shape": "SessionTokenString"
        },
        "Expiration": {
          "shape": "DateType"
        }
      }
    },
    "DateType": {
      "type": "timestamp"
    },
    "ExternalServiceException": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "String"
        }
      },
      "error": {
        "httpStatusCode": 400,
        "senderFault": false
      }
    },
    "GetCredentialsForIdentityInput": {
      "type": "structure",
      "members": {
        "IdentityId": {
          "shape": "IdentityId"
        },
        "Logins": {
          "shape": "LoginsMap"
        },
        "CustomRoleArn": {
          "shape": "ARNString"
        }
      },
      "required": [
        "IdentityId"
      ]
    },
    "GetCredentialsForIdentityResponse": {
      "type": "structure",
      "members": {
        "IdentityId": {
          "shape": "IdentityId"
        },
        "Credentials": {
          "shape": "Credentials"
        }
      }
    },
    "GetIdInput": {
      "type": "structure",
      "members": {
        "AccountId": {
          "shape": "AccountId"
        },
        "IdentityPoolId": {
          "shape": "IdentityPoolId"
        },
        "Logins": {
          "shape": "LoginsMap"
        }
      },
      "required": [
        "IdentityPoolId"
      ]
    },
    "GetIdResponse": {
      "type": "structure",
      "members": {
        "IdentityId": {
          "shape": "IdentityId"
        }
      }
    },
    "IdentityId": {
      "type": "string",
      "min": 1,
      "max": 55,
      "pattern": "[\\w-]+:[0-9a-f-]+"
    },
    "IdentityPoolId": {
      "type": "string",
      "min": 1,
      "max": 55,
      "pattern": "[\\w-]+:[0-9a-f-]+"
    },
    "IdentityProviderName": {
      "type": "string",
      "min": 1,
      "max": 128
    },
    "IdentityProviderToken": {
      "type": "string",
      "min": 1,
      "max": 50000,
      "sensitive": true
    },
    "InternalErrorException": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "String"
        }
      },
      "error": {
        "httpStatusCode": 400,
        "senderFault": false
      }
    },
    "InvalidIdentityPoolConfigurationException": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "String"
        }
      },
      "error": {
        "httpStatusCode": 400,
        "senderFault": false
      }
    },
    "InvalidParameterException": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "String"
        }
      },
      "error": {
        "httpStatusCode": 400,
        "senderFault": false
      }
    },
    "LimitExceededException": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "String"
        }
      },
      "error": {
        "httpStatusCode": 400,
        "senderFault": false
      }
    },
    "LoginsMap": {
      "type": "map",
      "key": {
        "shape": "IdentityProviderName"
      },
      "value": {
        "shape": "IdentityProviderToken"
      },
      "max": 10
    },
    "NotAuthorizedException": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "String"
        }
      },
      "error": {
        "httpStatusCode": 400,
        "senderFault": false
      }
    },
    "ResourceConflictException": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "String"
        }
      },
      "error": {
        "httpStatusCode": 400,
        "senderFault": false
      }
    },
    "ResourceNotFoundException": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "String"
        }
      },
      "error": {
        "httpStatusCode": 400,
        "senderFault": false
      }
    },
    "SecretKeyString": {
      "type": "string",
      "sensitive": true
    },
    "SessionTokenString": {
      "type": "string"
    },
    "String": {
      "type": "string"
    },
    "TooManyRequestsException": {
      "type": "structure",
      "members": {
        "message": {
          "shape": "String"
        }
      },
      "error": {
        "httpStatusCode": 400,
        "senderFault": false
      }
    }
  }
};
