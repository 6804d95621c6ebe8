/** Pages of the 换届 sub-package (defined with the feature, which the 支部党员大会's page links from too). */
export { termPage } from '../../features/terms/routes'
