import { createTheme } from '@mui/material/styles';

// Fonts list CJK faces first-class: staff read Chinese all day.
export const theme = createTheme({
  palette: { primary: { main: '#1f5fa8' }, secondary: { main: '#8a4b08' } },
  typography: {
    fontFamily: ['"Noto Sans CJK SC"', '"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans"', 'Roboto', 'sans-serif'].join(','),
  },
  components: {
    MuiButtonBase: { defaultProps: { disableRipple: false } },
  },
});
