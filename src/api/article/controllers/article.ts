import { createStrictCoreController } from '../../../rest-input/strict-core-controller';

export default createStrictCoreController('api::article.article');
