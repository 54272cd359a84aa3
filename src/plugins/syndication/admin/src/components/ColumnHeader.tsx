import { Th, Typography } from '@strapi/design-system';

export const ColumnHeader = ({ children }: { children: string }) => (
  <Th>
    <Typography variant="sigma" textColor="neutral600">
      {children}
    </Typography>
  </Th>
);
