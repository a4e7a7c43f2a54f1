export { callAgentFeature, InertActiveCallTransfer } from './agent-features';
export {
  inertCallFeature,
  inertCallFeatureNames,
  isInertCallFeatureName,
  type InertCallFeatureName,
  type InertCallFeatures,
} from './call-features';
export { callClientFeature, EmulatedDebugInfo } from './client-features';
export { featureName, Features, MediaFeatures, type FeatureToken } from './factories';
export { featureUnavailable, InertFeature } from './inert-feature';
export { localStreamFeature } from './stream-features';
