export { WorkflowModule, WORKFLOW_RESOLVERS } from './workflow.module';
export { ApplicationStatus } from './application/application-status';
export {
  normalizeIntake,
  type ApplicantDetails,
  type IntakeDetails,
  type IntakeProblem,
  type IntakeProblemCode,
} from './application/applicant';
export { residentIdCheckCharacter, residentIdProblem } from './application/resident-id-number';
export { formatReceiptNumber, receiptPrefixOf } from './application/receipt-number';
export { ApplicationRepository } from './application/application.repository';
